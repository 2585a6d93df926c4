package org.jiuzhu.emergency.process;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.jiuzhu.emergency.EmergencySettings;
import org.jiuzhu.supervision.OverdueEscalation;
import org.springframework.stereotype.Component;

/**
 * 急难件督办: a same-day task still open after the configured hours (timer on the task) goes to the
 * leaders of the township with a 督办 task. Every task once, however often the timer path runs.
 */
@Component("escalateSameDayTask")
public class EscalateSameDayTaskDelegate implements JavaDelegate {

    private final TaskService taskService;
    private final OverdueEscalation escalation;
    private final EmergencySettings settings;
    private final Clock clock;

    public EscalateSameDayTaskDelegate(TaskService taskService, OverdueEscalation escalation,
                                       EmergencySettings settings, Clock clock) {
        this.taskService = taskService;
        this.escalation = escalation;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date openSince = Date.from(clock.instant().minus(settings.getEscalateAfter()));
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .active().taskCreatedBefore(openSince).list()) {
            escalation.escalateSameDayTask(task);
        }
    }
}
