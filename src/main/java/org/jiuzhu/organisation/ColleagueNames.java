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
        try {
            Grants.toEveryone(authorizationService, Resources.USER, Authorization.ANY, Permissions.READ);
        } catch (ProcessEngineException e) {
            // Another node starting at the same moment saved it first (the engine's unique key on grants).
            Grants.toEveryone(authorizationService, Resources.USER, Authorization.ANY, Permissions.READ);
        }
    }
}
