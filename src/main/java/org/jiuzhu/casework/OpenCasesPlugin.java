package org.jiuzhu.casework;

import org.jiuzhu.engine.CaseProcesses;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Ends a case's claim on its people ({@link OpenCases}) when its process instance ends, however it
 * ends (decision, refusal, cancellation in Cockpit), for every case process, also those an
 * administrator deploys from the Modeler.
 */
@Component
public class OpenCasesPlugin extends AbstractProcessEnginePlugin {

    private final OpenCases openCases;

    public OpenCasesPlugin(@Lazy OpenCases openCases) {
        this.openCases = openCases;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        ExecutionListener closeCase = execution -> {
            if (execution.getId().equals(execution.getProcessInstanceId())) {
                openCases.close(execution.getProcessInstanceId());
            }
        };
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (CaseProcesses.isCase(processDefinition)) {
                    processDefinition.addListener(ExecutionListener.EVENTNAME_END, closeCase);
                }
            }
        });
    }
}
