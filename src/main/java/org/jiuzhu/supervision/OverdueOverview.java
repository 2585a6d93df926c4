package org.jiuzhu.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final AdminUnitRepository units;
    private final SupervisionRecords records;
    private final Clock clock;
    private final JdbcClient jdbc;

    public OverdueOverview(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
                           RepositoryService repositoryService, AdminUnitRepository units, SupervisionRecords records,
                           Clock clock, JdbcClient jdbc) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
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
        Map<String, String> groups = candidateUnitGroups(taskIds);
        Map<String, String> businessKeys = new HashMap<>();
        runtimeService.createProcessInstanceQuery()
                .processInstanceIds(tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet()))
                .list().forEach(pi -> businessKeys.put(pi.getId(), pi.getBusinessKey()));
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        repositoryService.createProcessDefinitionQuery()
                .processDefinitionIdIn(tasks.stream().map(Task::getProcessDefinitionId).filter(Objects::nonNull).distinct().toArray(String[]::new))
                .list().forEach(d -> definitions.put(d.getId(), d));
        Set<String> escalated = records.tasksWithRecords(taskIds);
        Map<String, List<AdminUnit>> chains = new HashMap<>();
        return tasks.stream().map(task -> {
            String group = groups.get(task.getId());
            List<AdminUnit> chain = group == null ? List.of()
                    : chains.computeIfAbsent(group, g -> units.findChain(UnitGroups.unitCodeOf(g).orElseThrow()));
            Optional<AdminUnit> township = chain.stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).findFirst();
            ProcessDefinition definition = definitions.get(task.getProcessDefinitionId());
            Instant due = task.getDueDate().toInstant();
            return new OverdueTask(task.getId(), task.getName(), task.getProcessInstanceId(),
                    definition == null ? null : definition.getName() == null ? definition.getKey() : definition.getName(),
                    businessKeys.get(task.getProcessInstanceId()), due.toString(),
                    Math.max(1, Duration.between(due, now).toDays() + 1), task.getAssignee(), group,
                    chain.isEmpty() ? null : chain.get(0).name(), township.map(AdminUnit::code).orElse(null),
                    township.map(AdminUnit::name).orElse(chain.isEmpty() ? null : chain.get(0).name()),
                    escalated.contains(task.getId()));
        }).toList();
    }

    /** The candidate unit group of each task (the engine has no query for many tasks' identity links). */
    private Map<String, String> candidateUnitGroups(List<String> taskIds) {
        Map<String, String> groups = new HashMap<>();
        for (int from = 0; from < taskIds.size(); from += 500) {
            List<String> chunk = taskIds.subList(from, Math.min(taskIds.size(), from + 500));
            jdbc.sql("select task_id_, group_id_ from act_ru_identitylink where type_ = 'candidate' and group_id_ is not null and task_id_ in (:ids)")
                    .param("ids", chunk)
                    .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                    .filter(link -> UnitGroups.unitCodeOf(link.getValue()).isPresent())
                    .forEach(link -> groups.putIfAbsent(link.getKey(), link.getValue()));
        }
        return groups;
    }
}
