package org.jiuzhu.casework;

import org.jiuzhu.engine.CaseProcesses;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds {@link CaseAuthorizationListener} to the start of every process, whoever deployed it (also
 * models an administrator deploys from the Modeler), so no case is ever visible beyond its units; not
 * to a process marked as no case ({@link CaseProcesses}), which only its tasks' groups see.
 */
@Component
public class CaseAuthorizationPlugin extends AbstractProcessEnginePlugin {

    private final CaseAuthorizationListener listener;

    public CaseAuthorizationPlugin(CaseAuthorizationListener listener) {
        this.listener = listener;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                CaseProcesses.mark(processElement, processDefinition);
                if (CaseProcesses.isCase(processDefinition)) {
                    processDefinition.addListener(ExecutionListener.EVENTNAME_START, listener);
                }
            }
        });
    }
}
