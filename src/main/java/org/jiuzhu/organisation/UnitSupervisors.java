package org.jiuzhu.organisation;

import java.util.List;

import org.jiuzhu.engine.SupervisorGroups;
import org.springframework.stereotype.Component;

/** Supervisors are the members of {@value UnitGroups#SUPERVISORS} and of a county's supervisors group. */
@Component
class UnitSupervisors implements SupervisorGroups {

    @Override
    public boolean includeSupervisor(List<String> groupIds) {
        return groupIds.contains(UnitGroups.SUPERVISORS) || UnitGroups.supervisedCounty(groupIds).isPresent();
    }
}
