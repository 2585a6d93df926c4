package org.jiuzhu.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.jiuzhu.organisation.UnitGroups;
import org.jiuzhu.supervision.OverdueEscalation;
import org.jiuzhu.casework.CaseVariables;
import org.jiuzhu.engine.CaseProcesses;
import org.springframework.stereotype.Component;

/**
 * Records every completed user task in {@link TaskCompletions}, in the transaction that completes it.
 * Added to every user task of every process, also those deployed from the Modeler — except the 督办
 * tasks, which are no stage of a case, and those of a process marked as no case ({@link CaseProcesses}).
 */
@Component
public class TaskCompletionPlugin extends AbstractProcessEnginePlugin {

    private final TaskCompletions completions;

    public TaskCompletionPlugin(TaskCompletions completions) {
        this.completions = completions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ProcessDefinitionEntity definition = (ProcessDefinitionEntity) activity.getProcessDefinition();
                String processKey = definition.getKey();
                if (OverdueEscalation.ESCALATION_PROCESS.equals(processKey)) {
                    return;
                }
                // Whether the process is a case is known once the whole process is parsed: asked at run time.
                TaskListener record = task -> {
                    if (CaseProcesses.isCase(definition)) {
                        record(processKey, task);
                    }
                };
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, record);
            }
        });
    }

    private void record(String processKey, DelegateTask task) {
        String candidateUnit = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .flatMap(group -> UnitGroups.unitCodeOf(group).stream())
                .findFirst().orElse(null);
        Object caseUnit = task.getExecution().getVariable(CaseVariables.UNIT_CODE);
        completions.record(new TaskCompletions.Completion(task.getId(), task.getProcessInstanceId(), processKey,
                task.getExecution().getProcessBusinessKey(), task.getTaskDefinitionKey(), task.getName(),
                candidateUnit, caseUnit instanceof String code ? code : candidateUnit,
                task.getCreateTime().toInstant(), ClockUtil.getCurrentTime().toInstant(), instant(task.getDueDate()),
                task.getAssignee()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
