package org.jiuzhu.casework;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiuzhu.system.forms.SubmittedForm;

/**
 * The refusal path every case type shares: a task that refuses records its name as the stage and the
 * official's reason, which the written notice (书面告知) states.
 */
public final class Refusals {

    /** Process variable: the stage (task or step name) that refused the case. */
    public static final String STAGE = "rejectionStage";
    /** Process variable: the reason given to the applicant. */
    public static final String REASON = SubmittedForm.REJECTION_REASON;

    private Refusals() {
    }

    /** When refusing: the stage (the task's name) and the reason go to the written notice; else null. */
    public static String reason(DelegateTask task, SubmittedForm form, boolean refusing) {
        if (!refusing) {
            return null;
        }
        task.setVariable(STAGE, task.getName());
        return form.text(REASON, "理由", SubmittedForm.MAX_REASON);
    }
}
