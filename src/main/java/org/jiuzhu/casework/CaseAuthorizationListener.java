package org.jiuzhu.casework;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jiuzhu.engine.CaseProcessListener;
import org.jiuzhu.engine.CurrentUser;
import org.jiuzhu.engine.EngineCommands;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.Grants;
import org.jiuzhu.organisation.UnitCodes;
import org.jiuzhu.organisation.UnitGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When a case starts (every case process, also one deployed from the Modeler), lets its unit and every
 * unit above it (leaders through their unit's group) and the county's supervisors read the process
 * instance and its history, and nobody else but administrators.
 * Tasks need nothing here: the engine lets a task's candidate group read it.
 * <p>
 * The unit comes from {@link CaseVariables#UNIT_CODE}; when a process is started without it (say
 * from Tasklist), the starting official's own unit is used and recorded in the variable.
 */
@Component
public class CaseAuthorizationListener implements CaseProcessListener {

    private static final Logger LOG = LoggerFactory.getLogger(CaseAuthorizationListener.class);

    private final AdminUnitRepository units;

    public CaseAuthorizationListener(AdminUnitRepository units) {
        this.units = units;
    }

    @Override
    public void started(DelegateExecution execution) {
        List<String> groupIds = CurrentUser.groupIds(execution.getProcessEngineServices().getIdentityService());
        String unitCode = (String) execution.getVariable(CaseVariables.UNIT_CODE);
        if (unitCode == null && groupIds != null) {
            unitCode = UnitGroups.mostLocalUnitCode(groupIds).orElse(null);
            if (unitCode != null) {
                execution.setVariable(CaseVariables.UNIT_CODE, unitCode);
            }
        }
        if (unitCode == null) {
            LOG.warn("Process instance {} ({}) started without {}: only administrators can see it",
                    execution.getProcessInstanceId(), execution.getProcessDefinitionId(), CaseVariables.UNIT_CODE);
            return;
        }
        if (!UnitCodes.isWellFormed(unitCode)) {
            throw new BadUserRequestException("行政区划代码格式不正确：" + unitCode);
        }
        List<AdminUnit> chain = units.findChain(unitCode);
        if (chain.isEmpty()) {
            throw new BadUserRequestException("未登记的单位：" + unitCode);
        }
        requireJurisdiction(groupIds, chain);
        String processInstanceId = execution.getProcessInstanceId();
        AuthorizationService authorizationService = execution.getProcessEngineServices().getAuthorizationService();
        // The official who starts a case may not create authorizations; the engine grants on their behalf.
        // A new instance has no grants yet, so they are created without looking for existing ones.
        EngineCommands.withoutAuthorization(execution.getProcessEngine(), () -> {
            for (String groupId : UnitGroups.caseReaders(chain)) {
                Grants.createForGroup(authorizationService, groupId, PROCESS_INSTANCE, processInstanceId, READ);
                Grants.createForGroup(authorizationService, groupId, HISTORIC_PROCESS_INSTANCE, processInstanceId,
                        HistoricProcessInstancePermissions.READ);
            }
        });
    }

    /**
     * An official starts cases of their own unit or of units below it, whatever unit the start request
     * names; the engine (no user: public pages, jobs) and administrators may start any.
     */
    private static void requireJurisdiction(List<String> groupIds, List<AdminUnit> chain) {
        if (groupIds == null || groupIds.contains(UnitGroups.ADMINISTRATORS)) {
            return;
        }
        if (chain.stream().map(AdminUnit::groupId).noneMatch(groupIds::contains)) {
            throw new BadUserRequestException("只能为本单位或下级单位办理案件：" + chain.get(0).name() + "不在本单位辖区内");
        }
    }
}
