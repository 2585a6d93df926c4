package org.jiuzhu.organisation;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every logged-in user may read the other users' profiles (id, name): Tasklist and Cockpit name the
 * official who holds a task (陈志强, not chenzhiqiang) only if the reader may read that user. Officials
 * carry no e-mail or phone in the identity service, so a profile is a name and nothing more; groups,
 * memberships and authorizations stay the administrators'.
 */
@Component
@Order(1)
public class ColleagueNames implements ApplicationRunner {

    private final AuthorizationService authorizationService;

    public ColleagueNames(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (granted()) {
            return;
        }
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        authorization.setResource(Resources.USER);
        authorization.setResourceId(Authorization.ANY);
        authorization.setUserId(Authorization.ANY);
        authorization.addPermission(Permissions.READ);
        try {
            authorizationService.saveAuthorization(authorization);
        } catch (ProcessEngineException e) {
            // Another node starting at the same moment saved it first (the engine's unique key on grants).
            if (!granted()) {
                throw e;
            }
        }
    }

    private boolean granted() {
        return authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(Resources.USER)
                .resourceId(Authorization.ANY).list().stream()
                .anyMatch(authorization -> authorization.isPermissionGranted(Permissions.READ));
    }
}
