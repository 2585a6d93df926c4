package org.jiuzhu.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The refusal path every case type shares: a task that refuses records its name as the stage and the
 * official's reason, which the written notice (书面告知) states.
 */
public final class Refusals {

    /** Process variable: the stage (task or step name) that refused the case. */
    public static final String STAGE = "rejectionStage";
    /** Process variable: the reason given to the applicant (the form field of a {@link RefusableForm}). */
    public static final String REASON = "rejectionReason";
    public static final int MAX_REASON = 500;

    private Refusals() {
    }

    /** When the form refuses: the stage (the task's name) goes to the written notice, and the reason; else null. */
    public static String reason(DelegateTask task, RefusableForm form) {
        if (!form.refusing()) {
            return null;
        }
        task.setVariable(STAGE, task.getName());
        return form.rejectionReason();
    }
}
