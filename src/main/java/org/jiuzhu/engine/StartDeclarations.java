package org.jiuzhu.engine;

/**
 * Who may start a process, as its model declares it in {@value CaseProcesses#STARTABLE_BY}; a Spring
 * bean implementing it is asked by {@link ListenersPlugin} when a process is parsed and by
 * {@link DeploymentsPlugin} when one is deployed.
 */
public interface StartDeclarations {

    /**
     * Whether officials may start a process that declares this (null: it declares nothing); a process
     * they may not start is kept out of Tasklist's 发起流程, whatever its model says.
     */
    boolean startableByOfficials(String startableBy);

    /**
     * A new deployment deployed a version of the process: its start grants become what it declares. Runs
     * in the deploying command, without authorization checks.
     */
    void deployed(String processKey, String startableBy);
}
