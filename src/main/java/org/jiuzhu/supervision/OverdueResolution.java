package org.jiuzhu.supervision;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.jiuzhu.engine.EngineCommands;
import org.jiuzhu.engine.UserTaskListener;
import org.springframework.stereotype.Component;

/**
 * When an overdue task is done (or removed), its supervision record is closed — the record stays —,
 * the 督办 ends by itself, and the case loses its overdue mark once no task of it is overdue.
 * Runs beside every user task of every process, also those deployed from the Modeler.
 */
@Component
public class OverdueResolution implements UserTaskListener {

    private final SupervisionRecords records;
    private final Clock clock;

    public OverdueResolution(SupervisionRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void completed(DelegateTask task) {
        resolve(task);
    }

    @Override
    public void deleted(DelegateTask task) {
        resolve(task);
    }

    private void resolve(DelegateTask task) {
        records.openForTask(task.getId()).ifPresent(record -> {
            records.resolve(record.id(), clock.instant());
            var runtime = task.getProcessEngineServices().getRuntimeService();
            // The official who finishes the late task may not see the 督办; the engine acts for them.
            EngineCommands.withoutAuthorization(task.getProcessEngine(), () -> {
                if (record.escalationProcessInstanceId() != null && runtime.createProcessInstanceQuery()
                        .processInstanceId(record.escalationProcessInstanceId()).count() > 0) {
                    runtime.createMessageCorrelation(OverdueEscalation.MESSAGE_LATE_TASK_COMPLETED)
                            .processInstanceId(record.escalationProcessInstanceId()).correlateWithResult();
                }
                if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
                        && records.openForProcessInstance(record.processInstanceId()) == 0) {
                    task.getExecution().setVariable(OverdueEscalation.OVERDUE, false);
                }
            });
        });
    }
}
