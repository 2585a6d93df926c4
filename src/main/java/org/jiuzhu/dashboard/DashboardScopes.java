package org.jiuzhu.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.OfficialProfile;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.UnitGroups;
import org.springframework.stereotype.Component;

/**
 * Whose figures a user sees: an official those of their unit (a village its own, a township its
 * villages', a county the whole county), a supervisor their county, an administrator everything.
 * Anybody else none.
 */
@Component
class DashboardScopes {

    private final OfficialService officials;
    private final IdentityService identityService;
    private final AdminUnitRepository units;

    DashboardScopes(OfficialService officials, IdentityService identityService, AdminUnitRepository units) {
        this.officials = officials;
        this.identityService = identityService;
        this.units = units;
    }

    Optional<DashboardScope> of(String userId) {
        OfficialProfile profile = officials.profileOf(userId);
        if (profile.administrator()) {
            return Optional.of(DashboardScope.everything());
        }
        if (profile.hasUnit()) {
            return Optional.of(DashboardScope.of(List.of(profile.unit()), profile.unit().name()));
        }
        List<AdminUnit> supervised = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .flatMap(group -> UnitGroups.supervisedCountyCodeOf(group).stream())
                .flatMap(code -> units.findByCode(code).stream())
                .toList();
        if (supervised.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DashboardScope.of(supervised,
                supervised.stream().map(AdminUnit::name).collect(Collectors.joining("、"))));
    }
}
