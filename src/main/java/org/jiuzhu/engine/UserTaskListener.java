package org.jiuzhu.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Runs beside every user task of every process, also those an administrator deploys from the Modeler:
 * a Spring bean implementing it is added by {@link ListenersPlugin} to every user task, and runs in the
 * transaction that completes or removes the task.
 * {@link CaseProcesses#isCase(DelegateTask)} tells whether the task is a stage of a case.
 */
public interface UserTaskListener {

    default void completed(DelegateTask task) {
    }

    /** The task was removed without being completed (its process ended or was cancelled, a boundary event). */
    default void deleted(DelegateTask task) {
    }
}
