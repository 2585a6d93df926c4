package org.jiuzhu.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds what runs beside every process, on every deployment, also of a model an administrator deploys from
 * the Modeler (the list with what each adds: the package comment of {@code org.jiuzhu.engine}):
 * <ul>
 *   <li>marks each process as a case process or not, and who may start it ({@link CaseProcesses});</li>
 *   <li>the {@link CaseProcessListener}s at the start and at the end of every case process;</li>
 *   <li>the {@link UserTaskListener}s at the completion and the removal of every user task (built-in task
 *       listeners);</li>
 *   <li>keeps a process no official may start ({@link StartDeclarations}) out of Tasklist's 发起流程.</li>
 * </ul>
 * The listeners are Spring beans ({@link LaterBeans}).
 */
@Component
public class ListenersPlugin extends AbstractProcessEnginePlugin {

    private final Supplier<List<CaseProcessListener>> caseListeners;
    private final Supplier<List<UserTaskListener>> taskListeners;
    private final Supplier<List<StartDeclarations>> startDeclarations;

    public ListenersPlugin(ObjectProvider<CaseProcessListener> caseListeners,
                           ObjectProvider<UserTaskListener> taskListeners,
                           ObjectProvider<StartDeclarations> startDeclarations) {
        this.caseListeners = LaterBeans.of(caseListeners);
        this.taskListeners = LaterBeans.of(taskListeners);
        this.startDeclarations = LaterBeans.of(startDeclarations);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener started = execution -> {
            if (isProcessInstance(execution)) {
                caseListeners.get().forEach(listener -> listener.started(execution));
            }
        };
        ExecutionListener ended = execution -> {
            if (isProcessInstance(execution)) {
                caseListeners.get().forEach(listener -> listener.ended(execution));
            }
        };
        TaskListener completed = task -> taskListeners.get().forEach(listener -> listener.completed(task));
        TaskListener deleted = task -> taskListeners.get().forEach(listener -> listener.deleted(task));
        // Before the other parse listeners: theirs ask whether the process is a case.
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                CaseProcesses.mark(processElement, processDefinition);
                if (CaseProcesses.isCase(processDefinition)) {
                    processDefinition.addListener(ExecutionListener.EVENTNAME_START, started);
                }
            }
        });
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (CaseProcesses.isCase(processDefinition)) {
                    processDefinition.addListener(ExecutionListener.EVENTNAME_END, ended);
                }
                String startableBy = CaseProcesses.startableBy(processDefinition);
                if (startDeclarations.get().stream().anyMatch(declarations -> !declarations.startableByOfficials(startableBy))) {
                    processDefinition.setStartableInTasklist(false);
                }
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, deleted);
            }
        });
    }

    private static boolean isProcessInstance(DelegateExecution execution) {
        return execution.getId().equals(execution.getProcessInstanceId());
    }
}
