package org.jiuzhu.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.OfficialService;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.casework.CaseVariables;
import org.jiuzhu.organisation.Grants;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    /** The user task of 督办: late work of its own, not a stage of a case (see {@link OverdueWork}). */
    public static final String SUPERVISE_TASK = "Task_Supervise";
    static final String MESSAGE_LATE_TASK_COMPLETED = "Message_LateTaskCompleted";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final AuthorizationService authorizationService;
    private final AdminUnitRepository units;
    private final SupervisionRecords records;
    private final Clock clock;
    private final SupervisionSettings settings;
    private final TransactionTemplate transactions;
    private final OfficialService officials;

    public OverdueEscalation(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
                             AuthorizationService authorizationService, AdminUnitRepository units, SupervisionRecords records,
                             Clock clock, SupervisionSettings settings, PlatformTransactionManager transactionManager,
                             OfficialService officials) {
        this.officials = officials;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.authorizationService = authorizationService;
        this.units = units;
        this.records = records;
        this.clock = clock;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One batch of the scan: how many tasks it escalated, and whether overdue tasks are left for the next. */
    public record Batch(int escalated, boolean more) {
    }

    /**
     * Escalates up to {@code limit} overdue tasks not escalated yet, most overdue first, in one transaction
     * (the scan job's, or a new one) that holds the escalation lock. Two scans at once (two nodes, a scan
     * still running when the next one is due, one an administrator started) thus take turns batch by
     * batch, each finding only what the other has not escalated. A batch that finds the lock taken
     * escalates nothing and reports nothing left: the scan holding it goes on until nothing is.
     */
    public Batch escalateNextBatch(int limit) {
        return transactions.execute(status -> {
            if (!records.tryLockEscalations()) {
                return new Batch(0, false);
            }
            Instant now = clock.instant();
            List<String> overdue = records.overdueTasksWithoutRecord(now, ESCALATION_PROCESS, limit + 1);
            List<String> batch = overdue.subList(0, Math.min(limit, overdue.size()));
            if (batch.isEmpty()) {
                return new Batch(0, false);
            }
            Map<String, Task> tasks = taskService.createTaskQuery().taskIdIn(batch.toArray(String[]::new)).list()
                    .stream().collect(Collectors.toMap(Task::getId, task -> task));
            int escalated = 0;
            for (String taskId : batch) {
                Task task = tasks.get(taskId);
                // Null when an official completed it since the query: nothing is late any more.
                if (task != null) {
                    String key = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
                    List<AdminUnit> chain = unitChainOf(task);
                    escalate(task, key, now, chain, escalationGroup(chain), true);
                    escalated++;
                }
            }
            return new Batch(escalated, overdue.size() > limit);
        });
    }

    /** Escalates every task overdue now that has not been escalated yet, batch after batch; returns how many. */
    public int escalateOverdueTasks() {
        int escalated = 0;
        Batch batch;
        do {
            batch = escalateNextBatch(settings.escalationsPerJob());
            escalated += batch.escalated();
        } while (batch.more());
        return escalated;
    }

    /**
     * 急难件督办: a same-day task still open some hours after it was created goes to the leaders of the
     * case's township before its due date passes (once; the overdue scan then leaves it alone).
     * Returns whether it was escalated now. Waits for a batch of the scan that is under way.
     */
    public boolean escalateSameDayTask(Task task) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            records.lockEscalations();
            if (records.existsForTask(task.getId()) || task.getDueDate() == null) {
                return false;
            }
            List<AdminUnit> chain = unitChainOf(task);
            String township = chain.stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).findFirst()
                    .map(UnitGroups::leaders).orElse(escalationGroup(chain));
            String key = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
            escalate(task, key, clock.instant(), chain, township, false);
            return true;
        }));
    }

    /** The units of the task's case ({@link CaseVariables#UNIT_CODE}); the late unit's when the case names none. */
    private List<AdminUnit> caseChainOf(Task task, List<AdminUnit> lateChain) {
        Object caseUnit = runtimeService.getVariable(task.getProcessInstanceId(), CaseVariables.UNIT_CODE);
        List<AdminUnit> chain = caseUnit instanceof String code ? units.findChain(code) : List.of();
        return chain.isEmpty() ? lateChain : chain;
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
                + "\n办理期限：" + TIME.format(due.atZone(clock.getZone()))
                + (overdue ? "\n发现逾期：" : "\n督办时间：") + TIME.format(now.atZone(clock.getZone()))
                + (task.getAssignee() == null ? "\n尚无人认领"
                        : "\n办理人：" + officials.namesOf(List.of(task.getAssignee())).get(task.getAssignee()));
        // The late case's task-list columns (申请编号, 申请人, 村（社区）), so that the 督办 task names its case too.
        VariableMap variables = Variables.createVariables();
        variables.putAll(runtimeService.getVariables(task.getProcessInstanceId(),
                CaseVariables.LISTED.stream().map(Map.Entry::getKey).toList()));
        String escalationId = runtimeService.startProcessInstanceByKey(ESCALATION_PROCESS, businessKey,
                variables
                        .putValue("escalatedTo", escalatedTo)
                        .putValue("supervisionSummary", summary)
                        .putValue("caseLink", businessKey == null ? "/" : "/cases/" + businessKey)
                        .putValue("lateTaskId", task.getId())
                        .putValue(CaseVariables.UNIT_CODE, lateUnit == null ? null : lateUnit.code()))
                .getId();
        // The leaders who chase the late task, and whoever may read its case — the case's unit, the units above
        // it, the county's supervisors — may read it: 已逾期 in Tasklist then lists what the dashboard and
        // Cockpit's 逾期案件 count for them (OverdueWork).
        // The candidate group has its grant already: added to, not created twice.
        Set<String> readers = new LinkedHashSet<>();
        readers.add(escalatedTo);
        readers.addAll(UnitGroups.caseReaders(caseChainOf(task, chain)));
        readers.forEach(group -> Grants.toGroup(authorizationService, group, Resources.TASK, task.getId(),
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
