package org.jiuzhu.organisation;

import java.util.ArrayList;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the start grants ({@link StartPermissions}) in step with the models: on every new deployment
 * (the process application's, or one from the Modeler) for the processes it deploys, and once at start-up
 * for every latest process (an installation upgraded to per-process grants, a model deployed before).
 */
@Component
@Order(1)
public class StartPermissionsPlugin extends AbstractProcessEnginePlugin implements ApplicationRunner {

    private final StartPermissions startPermissions;
    private final ProcessEngine processEngine;

    public StartPermissionsPlugin(@Lazy StartPermissions startPermissions, @Lazy ProcessEngine processEngine) {
        this.startPermissions = startPermissions;
        this.processEngine = processEngine;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(deployment -> {
            if (!deployment.isNew() || deployment.getDeployedProcessDefinitions() == null) {
                return; // a cache refill, or a deployment of forms or decisions only
            }
            Context.getCommandContext().runWithoutAuthorization((Callable<Void>) () -> {
                for (ProcessDefinition definition : deployment.getDeployedProcessDefinitions()) {
                    startPermissions.applyDeclared((ProcessDefinitionEntity) definition);
                }
                return null;
            });
        });
    }

    @Override
    public void run(ApplicationArguments args) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(commandContext -> commandContext.runWithoutAuthorization(() -> {
            for (ProcessDefinition latest : processEngine.getRepositoryService().createProcessDefinitionQuery()
                    .latestVersion().list()) {
                startPermissions.applyDeclared(configuration.getDeploymentCache()
                        .findDeployedProcessDefinitionById(latest.getId()));
            }
            startPermissions.withdrawStartingAnything();
            return null;
        }));
    }
}
