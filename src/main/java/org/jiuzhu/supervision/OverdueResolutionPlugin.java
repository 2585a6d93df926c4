package org.jiuzhu.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * When an overdue task is done (or removed), its supervision record is closed — the record stays —,
 * the 督办 ends by itself, and the case loses its overdue mark once no task of it is overdue.
 * Added to every user task of every process, also those deployed from the Modeler.
 */
@Component
public class OverdueResolutionPlugin extends AbstractProcessEnginePlugin {

    private final SupervisionRecords records;

    public OverdueResolutionPlugin(SupervisionRecords records) {
        this.records = records;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener resolve = this::resolve;
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, resolve);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, resolve);
            }
        });
    }

    private void resolve(DelegateTask task) {
        records.openForTask(task.getId()).ifPresent(record -> {
            records.resolve(record.id(), Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()));
            var runtime = task.getProcessEngineServices().getRuntimeService();
            // The official who finishes the late task may not see the 督办; the engine acts for them.
            Context.getCommandContext().runWithoutAuthorization((Callable<Void>) () -> {
                if (record.escalationProcessInstanceId() != null && runtime.createProcessInstanceQuery()
                        .processInstanceId(record.escalationProcessInstanceId()).count() > 0) {
                    runtime.createMessageCorrelation(OverdueEscalation.MESSAGE_LATE_TASK_COMPLETED)
                            .processInstanceId(record.escalationProcessInstanceId()).correlateWithResult();
                }
                if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
                        && records.openForProcessInstance(record.processInstanceId()) == 0) {
                    task.getExecution().setVariable(OverdueEscalation.OVERDUE, false);
                }
                return null;
            });
        });
    }
}
