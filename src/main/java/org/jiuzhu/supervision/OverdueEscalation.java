package org.jiuzhu.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.system.CaseVariables;
import org.jiuzhu.system.authorization.Grants;
import org.springframework.stereotype.Service;

/**
 * 督办: finds user tasks past their due date and escalates each once — marks the case overdue
 * ({@code overdue}, {@code overdueSince}), writes a supervision record and starts 逾期督办 for the
 * leaders of the unit above (village → township leaders, township → county leaders, county →
 * the county's supervisors).
 */
@Service
public class OverdueEscalation {

    public static final String OVERDUE = "overdue";
    public static final String OVERDUE_SINCE = "overdueSince";
    public static final String ESCALATION_PROCESS = "supervisionEscalation";
    static final String MESSAGE_LATE_TASK_COMPLETED = "Message_LateTaskCompleted";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final AuthorizationService authorizationService;
    private final AdminUnitRepository units;
    private final SupervisionRecords records;
    private final Clock clock;

    public OverdueEscalation(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
                             AuthorizationService authorizationService, AdminUnitRepository units, SupervisionRecords records, Clock clock) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.authorizationService = authorizationService;
        this.units = units;
        this.records = records;
        this.clock = clock;
    }

    /** Escalates every task overdue now that has not been escalated yet; returns how many. */
    public int escalateOverdueTasks() {
        Instant now = clock.instant();
        int escalated = 0;
        for (Task task : taskService.createTaskQuery().active().dueBefore(Date.from(now)).list()) {
            if (task.getProcessInstanceId() == null || records.existsForTask(task.getId())) {
                continue;
            }
            String key = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
            if (ESCALATION_PROCESS.equals(key)) {
                continue;
            }
            List<AdminUnit> chain = unitChainOf(task);
            escalate(task, key, now, chain, escalationGroup(chain), true);
            escalated++;
        }
        return escalated;
    }

    /**
     * 急难件督办: a same-day task still open some hours after it was created goes to the leaders of the
     * case's township before its due date passes (once; the overdue scan then leaves it alone).
     * Returns whether it was escalated now.
     */
    public boolean escalateSameDayTask(Task task) {
        if (records.existsForTask(task.getId()) || task.getDueDate() == null) {
            return false;
        }
        List<AdminUnit> chain = unitChainOf(task);
        String township = chain.stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).findFirst()
                .map(UnitGroups::leaders).orElse(escalationGroup(chain));
        String key = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        escalate(task, key, clock.instant(), chain, township, false);
        return true;
    }

    private List<AdminUnit> unitChainOf(Task task) {
        return candidateGroupOf(task).map(group -> units.findChain(UnitGroups.unitCodeOf(group).orElseThrow()))
                .orElse(List.of());
    }

    private java.util.Optional<String> candidateGroupOf(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .filter(group -> UnitGroups.unitCodeOf(group).isPresent())
                .findFirst();
    }

    /**
     * @param overdue whether the due date has passed (the case is marked overdue); a same-day task is
     *                escalated before that
     */
    private void escalate(Task task, String processDefinitionKey, Instant now, List<AdminUnit> chain,
                          String escalatedTo, boolean overdue) {
        String candidateGroup = candidateGroupOf(task).orElse(null);
        AdminUnit lateUnit = chain.isEmpty() ? null : chain.get(0);
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        Instant due = task.getDueDate().toInstant();

        if (overdue && !Boolean.TRUE.equals(runtimeService.getVariable(task.getProcessInstanceId(), OVERDUE))) {
            runtimeService.setVariable(task.getProcessInstanceId(), OVERDUE, true);
            runtimeService.setVariable(task.getProcessInstanceId(), OVERDUE_SINCE, Date.from(due));
        }
        String summary = (businessKey == null ? "" : "申请编号：" + businessKey + "\n")
                + (overdue ? "逾期任务：" : "急难件当日未办结任务：") + task.getName()
                + (lateUnit == null ? "" : "（" + units.pathOf(lateUnit.code(), " ") + "）")
                + "\n办理期限：" + TIME.format(due.atZone(ZoneId.systemDefault()))
                + (overdue ? "\n发现逾期：" : "\n督办时间：") + TIME.format(now.atZone(ZoneId.systemDefault()))
                + (task.getAssignee() == null ? "\n尚无人认领" : "\n办理人：" + task.getAssignee());
        String escalationId = runtimeService.startProcessInstanceByKey(ESCALATION_PROCESS, businessKey,
                Variables.createVariables()
                        .putValue("escalatedTo", escalatedTo)
                        .putValue("supervisionSummary", summary)
                        .putValue("caseLink", businessKey == null ? "/" : "/cases/" + businessKey)
                        .putValue("lateTaskId", task.getId())
                        .putValue(CaseVariables.UNIT_CODE, lateUnit == null ? null : lateUnit.code()))
                .getId();
        // The leaders who chase the late task, and the county's supervisors, may see it (已逾期, Cockpit).
        Grants.createForGroup(authorizationService, escalatedTo, Resources.TASK, task.getId(), Permissions.READ);
        chain.stream().filter(u -> u.level() == UnitLevel.COUNTY).map(UnitGroups::supervisors)
                .filter(group -> !group.equals(escalatedTo))
                .forEach(group -> Grants.createForGroup(authorizationService, group, Resources.TASK, task.getId(),
                        Permissions.READ));
        records.insert(new SupervisionRecords.Record(0, task.getId(), task.getProcessInstanceId(), processDefinitionKey,
                businessKey, task.getTaskDefinitionKey(), task.getName(), candidateGroup,
                lateUnit == null ? null : lateUnit.code(), codeAt(chain, UnitLevel.TOWNSHIP),
                codeAt(chain, UnitLevel.COUNTY), due, now, escalatedTo, escalationId, null));
    }

    /** The leaders one level up; supervisors for the county's own tasks and for tasks of no unit. */
    static String escalationGroup(List<AdminUnit> chain) {
        if (chain.isEmpty()) {
            return UnitGroups.SUPERVISORS;
        }
        AdminUnit late = chain.get(0);
        return switch (late.level()) {
            case VILLAGE, TOWNSHIP -> UnitGroups.leaders(chain.get(1));
            case COUNTY -> UnitGroups.supervisors(late);
        };
    }

    private static String codeAt(List<AdminUnit> chain, UnitLevel level) {
        return chain.stream().filter(u -> u.level() == level).map(AdminUnit::code).findFirst().orElse(null);
    }
}
