package org.jiuzhu.engine;

import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks every new deployment before the engine deploys it, also one uploaded from the Modeler; a
 * Spring bean implementing it is run by {@link DeploymentsPlugin}. To refuse the deployment it throws a
 * {@link org.camunda.bpm.engine.BadUserRequestException} (400 through REST), and nothing is deployed.
 */
public interface DeploymentCheck {

    void check(NewDeployment deployment);

    /**
     * @param resources            the deployment's files by name
     * @param engineDefaultRetries whether the engine has a default retry cycle for failed jobs
     * @param formDeployed         whether a Camunda form of this id was deployed before
     */
    record NewDeployment(Map<String, byte[]> resources, boolean engineDefaultRetries, Predicate<String> formDeployed) {
    }
}
