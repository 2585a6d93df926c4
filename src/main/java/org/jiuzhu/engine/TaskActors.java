package org.jiuzhu.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who acts on a task: the logged-in official completing it, else (Java callers, jobs) its assignee. */
public final class TaskActors {

    private TaskActors() {
    }

    public static String actor(DelegateTask task) {
        IdentityService identityService = task.getProcessEngineServices().getIdentityService();
        return CurrentUser.isKnown(identityService) ? CurrentUser.id(identityService) : task.getAssignee();
    }
}
