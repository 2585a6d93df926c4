package org.jiuzhu.organisation;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.jiuzhu.engine.CaseProcesses;
import org.springframework.stereotype.Component;

/**
 * Tasklist's 发起流程 lists the processes marked startable in Tasklist ({@code camunda:isStartableInTasklist},
 * which the Modeler sets to true by default) that the user may start. A process no unit level may start
 * ({@link StartPermissions}: no {@value StartPermissions#PROPERTY}) — the monthly reports, the overdue scan,
 * 督办 — is the engine's: it is kept out of that list whatever the model says, on every deployment, so a
 * version deployed from the Modeler stays out as well; administrators would otherwise see it offered too.
 */
@Component
public class StartableInTasklistPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (StartPermissions.levelsOf(CaseProcesses.startableBy(processDefinition)).isEmpty()) {
                    processDefinition.setStartableInTasklist(false);
                }
            }
        });
    }
}
