package org.jiuzhu.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The overdue tasks a user may see (Camunda authorization decides), with where they are late:
 * township, stage, days overdue, who has them. Feeds the Cockpit plugin 逾期案件.
 */
@Service
public class OverdueOverview {

    public record OverdueTask(String taskId, String taskName, String processInstanceId, String processName,
                              String businessKey, String dueDate, long daysOverdue, String assignee,
                              String candidateGroup, String unitName, String townshipCode, String townshipName,
                              boolean escalated) {
    }

    private final IdentityService identityService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final AdminUnitRepository units;
    private final SupervisionRecords records;
    private final Clock clock;
    private final JdbcClient jdbc;
    /** Process definition id → its name (key when unnamed); deployed definitions never change. */
    private final Map<String, String> processNames = new ConcurrentHashMap<>();

    public OverdueOverview(IdentityService identityService, TaskService taskService,
                           RepositoryService repositoryService, AdminUnitRepository units, SupervisionRecords records,
                           Clock clock, JdbcClient jdbc) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.units = units;
        this.records = records;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Overdue tasks visible to this user, most overdue first. The task query decides what the user may
     * see; everything else about those tasks is looked up in a few queries for the whole list, not per task.
     */
    public List<OverdueTask> visibleTo(String userId, List<String> groupIds) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(userId, groupIds);
        List<Task> tasks;
        try {
            tasks = taskService.createTaskQuery().active().dueBefore(Date.from(clock.instant())).orderByDueDate().asc().list();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
        if (tasks.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<String> taskIds = tasks.stream().map(Task::getId).toList();
        // The engine has decided which tasks the user may see; what the list shows about them is read
        // without a second authorization check (the user may read these tasks' cases anyway): one query
        // for their cases' numbers and candidate groups, the units once, the definitions from the engine's cache.
        Map<String, String> groups = new HashMap<>();
        Map<String, String> businessKeys = new HashMap<>();
        casesAndGroups(taskIds, groups, businessKeys);
        Map<String, String> processNames = processNames(tasks);
        Set<String> escalated = records.tasksWithRecords(taskIds);
        Map<String, AdminUnit> unitsByCode = new HashMap<>();
        units.findAll().forEach(unit -> unitsByCode.put(unit.code(), unit));
        return tasks.stream().map(task -> {
            String group = groups.get(task.getId());
            List<AdminUnit> chain = group == null ? List.of() : chainOf(UnitGroups.unitCodeOf(group).orElseThrow(), unitsByCode);
            Optional<AdminUnit> township = chain.stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).findFirst();
            Instant due = task.getDueDate().toInstant();
            return new OverdueTask(task.getId(), task.getName(), task.getProcessInstanceId(),
                    processNames.get(task.getProcessDefinitionId()),
                    businessKeys.get(task.getId()), due.toString(),
                    Math.max(1, Duration.between(due, now).toDays() + 1), task.getAssignee(), group,
                    chain.isEmpty() ? null : chain.get(0).name(), township.map(AdminUnit::code).orElse(null),
                    township.map(AdminUnit::name).orElse(chain.isEmpty() ? null : chain.get(0).name()),
                    escalated.contains(task.getId()));
        }).toList();
    }

    /** The unit and every unit above it, lowest first, from units read once. */
    private static List<AdminUnit> chainOf(String code, Map<String, AdminUnit> unitsByCode) {
        List<AdminUnit> chain = new ArrayList<>(3);
        for (AdminUnit unit = unitsByCode.get(code); unit != null && chain.size() < 3;
             unit = unit.parentCode() == null ? null : unitsByCode.get(unit.parentCode())) {
            chain.add(unit);
        }
        return chain;
    }

    /** The name of each task's process (its key when it has none), as deployed: definitions never change. */
    private Map<String, String> processNames(List<Task> tasks) {
        Set<String> missing = tasks.stream().map(Task::getProcessDefinitionId).filter(Objects::nonNull)
                .filter(id -> !processNames.containsKey(id)).collect(Collectors.toSet());
        if (!missing.isEmpty()) {
            Authentication user = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
                repositoryService.createProcessDefinitionQuery().processDefinitionIdIn(missing.toArray(String[]::new)).list()
                        .forEach(d -> processNames.put(d.getId(), d.getName() == null ? d.getKey() : d.getName()));
            } finally {
                if (user != null) {
                    identityService.setAuthentication(user);
                }
            }
        }
        return processNames;
    }

    /**
     * Each task's case number (business key of its process instance) and candidate unit group; the
     * engine has no query for many tasks' identity links.
     */
    private void casesAndGroups(List<String> taskIds, Map<String, String> groups, Map<String, String> businessKeys) {
        for (int from = 0; from < taskIds.size(); from += 500) {
            List<String> chunk = taskIds.subList(from, Math.min(taskIds.size(), from + 500));
            jdbc.sql("""
                    select t.id_, e.business_key_, l.group_id_
                    from act_ru_task t
                    left join act_ru_execution e on e.id_ = t.proc_inst_id_
                    left join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null
                    where t.id_ in (:ids)""")
                    .param("ids", chunk)
                    .query(rs -> {
                        String taskId = rs.getString(1);
                        if (rs.getString(2) != null) {
                            businessKeys.put(taskId, rs.getString(2));
                        }
                        String group = rs.getString(3);
                        if (group != null && UnitGroups.unitCodeOf(group).isPresent()) {
                            groups.merge(taskId, group, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                        }
                    });
        }
    }
}
