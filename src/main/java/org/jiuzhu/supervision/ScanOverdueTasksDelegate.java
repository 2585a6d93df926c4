package org.jiuzhu.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 督办一批逾期任务 (process overdueScan, every 10 minutes): one batch per job, so that no job outlasts the
 * job executor's lock; the model loops while {@value #MORE_OVERDUE_TASKS} is true.
 */
@Component("scanOverdueTasks")
public class ScanOverdueTasksDelegate implements JavaDelegate {

    /** How many tasks the scan has escalated so far. */
    static final String ESCALATED_TASKS = "escalatedTasks";
    /** Whether overdue tasks are left for another batch. */
    static final String MORE_OVERDUE_TASKS = "moreOverdueTasks";

    private final OverdueEscalation escalation;
    private final SupervisionSettings settings;

    public ScanOverdueTasksDelegate(OverdueEscalation escalation, SupervisionSettings settings) {
        this.escalation = escalation;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OverdueEscalation.Batch batch = escalation.escalateNextBatch(settings.escalationsPerJob());
        Object before = execution.getVariable(ESCALATED_TASKS);
        execution.setVariable(ESCALATED_TASKS, (before == null ? 0 : (Integer) before) + batch.escalated());
        execution.setVariable(MORE_OVERDUE_TASKS, batch.more());
    }
}
