package org.jiuzhu.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts on a task: the logged-in official completing it, else (Java callers, jobs) its assignee. */
public final class TaskActors {

    private TaskActors() {
    }

    public static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
