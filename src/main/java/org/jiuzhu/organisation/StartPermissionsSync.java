package org.jiuzhu.organisation;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.jiuzhu.engine.CaseProcesses;
import org.jiuzhu.engine.EngineCommands;
import org.jiuzhu.engine.StartDeclarations;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the start grants ({@link StartPermissions}) in step with the models: on every new deployment
 * (the process application's, or one from the Modeler) for the processes it deploys, and once at start-up
 * for every latest process (an installation upgraded to per-process grants, a model deployed before). A
 * process no unit level may start — the monthly reports, the overdue scan, 督办 — is the engine's: it is
 * kept out of Tasklist's 发起流程 whatever the model says ({@code camunda:isStartableInTasklist}, which the
 * Modeler sets to true by default), so a version deployed from the Modeler stays out as well;
 * administrators would otherwise see it offered too.
 */
@Component
@Order(1)
public class StartPermissionsSync implements StartDeclarations, ApplicationRunner {

    private final StartPermissions startPermissions;
    private final ProcessEngine processEngine;

    public StartPermissionsSync(@Lazy StartPermissions startPermissions, @Lazy ProcessEngine processEngine) {
        this.startPermissions = startPermissions;
        this.processEngine = processEngine;
    }

    @Override
    public boolean startableByOfficials(String startableBy) {
        return !StartPermissions.levelsOf(startableBy).isEmpty();
    }

    @Override
    public void deployed(String processKey, String startableBy) {
        startPermissions.apply(processKey, StartPermissions.levelsOf(startableBy));
    }

    @Override
    public void run(ApplicationArguments args) {
        EngineCommands.withoutAuthorization(processEngine, () -> {
            for (ProcessDefinition latest : processEngine.getRepositoryService().createProcessDefinitionQuery()
                    .latestVersion().list()) {
                deployed(latest.getKey(), CaseProcesses.startableBy(processEngine.getRepositoryService(), latest.getId()));
            }
            startPermissions.withdrawStartingAnything();
        });
    }
}
