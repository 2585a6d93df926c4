package org.jiuzhu.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * On every new deployment (the process application's, or one from the Modeler): the
 * {@link DeploymentCheck}s before the engine deploys anything, and the {@link StartDeclarations} of each
 * process it deployed afterwards.
 */
@Component
public class DeploymentsPlugin extends AbstractProcessEnginePlugin {

    private final Supplier<List<DeploymentCheck>> checks;
    private final Supplier<List<StartDeclarations>> startDeclarations;

    public DeploymentsPlugin(ObjectProvider<DeploymentCheck> checks, ObjectProvider<StartDeclarations> startDeclarations) {
        this.checks = LaterBeans.of(checks);
        this.startDeclarations = LaterBeans.of(startDeclarations);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(this::check);
        configuration.getCustomPostDeployers().add(this::declareStarts);
    }

    private void check(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        DeploymentCheck.NewDeployment newDeployment = new DeploymentCheck.NewDeployment(resources,
                Context.getProcessEngineConfiguration().getFailedJobRetryTimeCycle() != null,
                formId -> Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId) != null);
        checks.get().forEach(check -> check.check(newDeployment));
    }

    private void declareStarts(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getDeployedProcessDefinitions() == null) {
            return; // a cache refill, or a deployment of forms or decisions only
        }
        Context.getCommandContext().runWithoutAuthorization(() -> {
            for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions()) {
                String startableBy = CaseProcesses.startableBy((ProcessDefinitionEntity) definition);
                startDeclarations.get().forEach(declarations -> declarations.deployed(definition.getKey(), startableBy));
            }
            return null;
        });
    }
}
