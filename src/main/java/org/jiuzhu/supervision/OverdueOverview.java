package org.jiuzhu.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import java.util.Optional;



import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.organisation.UnitLevel;
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

    public OverdueOverview(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
                           RepositoryService repositoryService, AdminUnitRepository units, SupervisionRecords records,
                           Clock clock) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.units = units;
        this.records = records;
        this.clock = clock;
    }

    /** Overdue tasks visible to this user, most overdue first. */
    public List<OverdueTask> visibleTo(String userId, List<String> groupIds) {
        Authentication previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(userId, groupIds);
        try {
            Instant now = clock.instant();
            List<Task> tasks = taskService.createTaskQuery().active().dueBefore(Date.from(now)).orderByDueDate().asc().list();
            return tasks.stream().map(task -> describe(task, now)).toList();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    private OverdueTask describe(Task task, Instant now) {
        String group = taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).filter(g -> UnitGroups.unitCodeOf(g).isPresent())
                .findFirst().orElse(null);
        List<AdminUnit> chain = group == null ? List.of() : units.findChain(UnitGroups.unitCodeOf(group).orElseThrow());
        Optional<AdminUnit> township = chain.stream().filter(u -> u.level() == UnitLevel.TOWNSHIP).findFirst();
        ProcessDefinition definition = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        Instant due = task.getDueDate().toInstant();
        return new OverdueTask(task.getId(), task.getName(), task.getProcessInstanceId(),
                definition.getName() == null ? definition.getKey() : definition.getName(),
                instance == null ? null : instance.getBusinessKey(), due.toString(),
                Math.max(1, Duration.between(due, now).toDays() + 1), task.getAssignee(), group,
                chain.isEmpty() ? null : chain.get(0).name(), township.map(AdminUnit::code).orElse(null),
                township.map(AdminUnit::name).orElse(chain.isEmpty() ? null : chain.get(0).name()),
                records.existsForTask(task.getId()));
    }

}
