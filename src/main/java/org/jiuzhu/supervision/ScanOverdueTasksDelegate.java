package org.jiuzhu.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 查找逾期任务并督办 (process overdueScan, every 10 minutes). */
@Component("scanOverdueTasks")
public class ScanOverdueTasksDelegate implements JavaDelegate {

    private final OverdueEscalation escalation;

    public ScanOverdueTasksDelegate(OverdueEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("escalatedTasks", escalation.escalateOverdueTasks());
    }
}
