package org.jiuzhu.organisation;

import org.jiuzhu.system.UserNames;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.jiuzhu.engine.EngineCommands;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Camunda users who work for a unit, with the group memberships of their role. */
@Service
public class OfficialService {

    private final IdentityService identityService;
    private final AdminUnitRepository units;
    private final OrganisationService organisation;
    private final ProcessEngine processEngine;

    public OfficialService(IdentityService identityService, AdminUnitRepository units,
                           OrganisationService organisation, ProcessEngine processEngine) {
        this.identityService = identityService;
        this.units = units;
        this.organisation = organisation;
        this.processEngine = processEngine;
    }

    /**
     * Creates the user when missing (an existing user keeps their password and name) and adds the
     * memberships the role needs in the unit.
     */
    @Transactional
    public void ensureOfficial(String userId, String surname, String givenName, String password,
                               String unitCode, OfficialRole role) {
        AdminUnit unit = units.findByCode(unitCode)
                .orElseThrow(() -> new OrganisationException("未登记的单位：" + unitCode));
        List<String> groups = groupsFor(unit, role);
        if (identityService.createUserQuery().userId(userId).singleResult() == null) {
            User user = identityService.newUser(userId);
            // Camunda shows "first last": surname first reads as a Chinese name (李 秀英).
            user.setFirstName(surname);
            user.setLastName(givenName);
            user.setPassword(password);
            identityService.saveUser(user);
        }
        for (String groupId : groups) {
            if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identityService.createMembership(userId, groupId);
            }
        }
    }

    /** Name, unit and roles of a user, for the pages. */
    public OfficialProfile profileOf(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        String displayName = user == null ? userId : UserNames.nameOf(user);
        List<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        AdminUnit ownUnit = UnitGroups.mostLocalUnitCode(groupIds).flatMap(units::findByCode).orElse(null);
        AdminUnit unit = ownUnit != null ? ownUnit
                : UnitGroups.supervisedCounty(groupIds).flatMap(units::findByCode).orElse(null);
        String unitPath = unit == null ? "" : units.pathOf(unit.code(), " / ");
        boolean administrator = groupIds.contains(UnitGroups.ADMINISTRATORS);
        boolean supervisor = groupIds.contains(UnitGroups.SUPERVISORS);
        boolean leader = groupIds.stream().anyMatch(g -> g.endsWith(UnitGroups.LEADERS_SUFFIX));
        List<String> roles = new ArrayList<>();
        if (ownUnit != null) {
            roles.add(leader ? OfficialRole.LEADER.label() : OfficialRole.OFFICER.label());
        }
        if (supervisor) {
            roles.add(OfficialRole.SUPERVISOR.label());
        }
        if (administrator) {
            roles.add("系统管理员");
        }
        boolean monitor = administrator || supervisor || leader
                || (unit != null && unit.level() != UnitLevel.VILLAGE);
        return new OfficialProfile(userId, displayName, unit, unitPath, roles, administrator, monitor,
                ownUnit == null && unit != null);
    }

    /**
     * The names of officials, for records that say who decided. Whoever may read a case may know who
     * worked on it, although Camunda lets an official read only their own user: hence no authorization
     * check here. An id that is no user (any more) stands for itself.
     */
    public Map<String, String> namesOf(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        List<String> ids = userIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return names;
        }
        ids.forEach(id -> names.put(id, id));
        List<User> users = EngineCommands.withoutAuthorization(processEngine, () ->
                identityService.createUserQuery().userIdIn(ids.toArray(String[]::new)).list());
        users.forEach(user -> names.put(user.getId(), UserNames.nameOf(user)));
        return names;
    }

    private List<String> groupsFor(AdminUnit unit, OfficialRole role) {
        List<String> groups = new ArrayList<>();
        switch (role) {
            case OFFICER -> groups.add(unit.groupId());
            case LEADER -> {
                if (unit.level() == UnitLevel.VILLAGE) {
                    throw new OrganisationException("分管领导只设在乡镇（街道）和县（区）：" + unit.name());
                }
                groups.add(unit.groupId());
                groups.add(UnitGroups.leaders(unit));
            }
            case SUPERVISOR -> {
                if (unit.level() != UnitLevel.COUNTY) {
                    throw new OrganisationException("督办人员属于县（区）：" + unit.name());
                }
                organisation.ensureSupervisorsGroup();
                groups.add(UnitGroups.SUPERVISORS);
                groups.add(UnitGroups.supervisors(unit));
            }
        }
        return groups;
    }
}
