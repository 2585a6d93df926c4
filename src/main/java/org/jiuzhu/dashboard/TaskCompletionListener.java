package org.jiuzhu.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jiuzhu.casework.CaseVariables;
import org.jiuzhu.engine.CaseProcesses;
import org.jiuzhu.engine.UserTaskListener;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.supervision.OverdueEscalation;
import org.springframework.stereotype.Component;

/**
 * Records every completed user task in {@link TaskCompletions}, in the transaction that completes it:
 * every user task of every process, also those deployed from the Modeler — except the 督办 tasks, which
 * are no stage of a case, and those of a process marked as no case ({@link CaseProcesses}).
 */
@Component
public class TaskCompletionListener implements UserTaskListener {

    private final TaskCompletions completions;
    private final Clock clock;

    public TaskCompletionListener(TaskCompletions completions, Clock clock) {
        this.completions = completions;
        this.clock = clock;
    }

    @Override
    public void completed(DelegateTask task) {
        String processKey = CaseProcesses.processKey(task);
        if (OverdueEscalation.ESCALATION_PROCESS.equals(processKey) || !CaseProcesses.isCase(task)) {
            return;
        }
        String candidateUnit = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .flatMap(group -> UnitGroups.unitCodeOf(group).stream())
                .findFirst().orElse(null);
        Object caseUnit = task.getExecution().getVariable(CaseVariables.UNIT_CODE);
        completions.record(new TaskCompletions.Completion(task.getId(), task.getProcessInstanceId(), processKey,
                task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey(), task.getName(),
                candidateUnit, caseUnit instanceof String code ? code : candidateUnit,
                task.getCreateTime().toInstant(), clock.instant(), instant(task.getDueDate()),
                task.getAssignee()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
