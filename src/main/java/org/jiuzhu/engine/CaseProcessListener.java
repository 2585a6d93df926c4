package org.jiuzhu.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Runs beside every case process ({@link CaseProcesses}), also one an administrator deploys from the
 * Modeler: a Spring bean implementing it is added by {@link ListenersPlugin} to every such process.
 */
public interface CaseProcessListener {

    /** The process instance starts, before its first step. */
    default void started(DelegateExecution processInstance) {
    }

    /** The process instance ends, however it ends (its end event, a cancellation in Cockpit, …). */
    default void ended(DelegateExecution processInstance) {
    }
}
