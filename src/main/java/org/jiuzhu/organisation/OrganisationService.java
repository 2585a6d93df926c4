package org.jiuzhu.organisation;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation: units in our own table, mirrored as Camunda groups with the application and
 * process permissions each kind of group needs. Everything here is idempotent.
 */
@Service
public class OrganisationService {

    private static final String TASKLIST = "tasklist";
    private static final String COCKPIT = "cockpit";

    private final AdminUnitRepository units;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final StartPermissions startPermissions;

    public OrganisationService(AdminUnitRepository units, IdentityService identityService,
                               AuthorizationService authorizationService, StartPermissions startPermissions) {
        this.units = units;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.startPermissions = startPermissions;
    }

    /**
     * Adds a unit below its parent (derived from the code) and creates its groups. Adding a unit that
     * exists with the same name does nothing; a different name for an existing code is an error.
     */
    @Transactional
    public AdminUnit addUnit(String code, String name) {
        UnitCodes.requireWellFormed(code);
        if (name == null || name.isBlank()) {
            throw new OrganisationException("请填写单位名称。");
        }
        String trimmedName = name.strip();
        if (trimmedName.length() > 100) {
            throw new OrganisationException("单位名称不能超过 100 个字。");
        }
        Optional<AdminUnit> existing = units.findByCode(code);
        if (existing.isPresent()) {
            if (!existing.get().name().equals(trimmedName)) {
                throw new OrganisationException("代码 " + code + " 已登记为“" + existing.get().name() + "”。");
            }
            ensureGroups(existing.get());
            return existing.get();
        }
        String parentCode = UnitCodes.parentCodeOf(code);
        if (parentCode != null && units.findByCode(parentCode).isEmpty()) {
            throw new OrganisationException("上级单位 " + parentCode + " 尚未登记，请先添加上级单位。");
        }
        AdminUnit unit = new AdminUnit(code, trimmedName, UnitLevel.ofCode(code), parentCode);
        units.insert(unit);
        ensureGroups(unit);
        return unit;
    }

    public List<AdminUnit> allUnits() {
        return units.findAll();
    }

    public Optional<AdminUnit> findUnit(String code) {
        return units.findByCode(code);
    }

    /** Creates the Camunda groups of a unit and grants what its officials need. */
    public void ensureGroups(AdminUnit unit) {
        String unitGroup = unit.groupId();
        ensureGroup(unitGroup, unit.name(), UnitGroups.UNIT_GROUP_TYPE);
        Grants.toGroup(authorizationService, unitGroup, APPLICATION, TASKLIST, ACCESS);
        // Officials see every process; they start only those their level may (StartPermissions).
        Grants.toGroup(authorizationService, unitGroup, PROCESS_DEFINITION, Authorization.ANY, READ);
        Grants.toGroup(authorizationService, unitGroup, PROCESS_INSTANCE, Authorization.ANY, CREATE);
        startPermissions.grantTo(unit);
        if (unit.level() == UnitLevel.VILLAGE) {
            return;
        }
        Grants.toGroup(authorizationService, unitGroup, APPLICATION, COCKPIT, ACCESS);
        String leaders = UnitGroups.leaders(unit);
        ensureGroup(leaders, unit.name() + "领导", UnitGroups.ROLE_GROUP_TYPE);
        grantMonitoring(leaders);
        if (unit.level() == UnitLevel.COUNTY) {
            String supervisors = UnitGroups.supervisors(unit);
            ensureGroup(supervisors, unit.name() + "督办", UnitGroups.ROLE_GROUP_TYPE);
            grantMonitoring(supervisors);
        }
    }

    /** The role group of all supervisors. */
    public void ensureSupervisorsGroup() {
        ensureGroup(UnitGroups.SUPERVISORS, "督办人员", UnitGroups.ROLE_GROUP_TYPE);
        grantMonitoring(UnitGroups.SUPERVISORS);
    }

    private void grantMonitoring(String groupId) {
        Grants.toGroup(authorizationService, groupId, APPLICATION, TASKLIST, ACCESS);
        Grants.toGroup(authorizationService, groupId, APPLICATION, COCKPIT, ACCESS);
        Grants.toGroup(authorizationService, groupId, PROCESS_DEFINITION, Authorization.ANY, READ);
    }

    private void ensureGroup(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }
}
