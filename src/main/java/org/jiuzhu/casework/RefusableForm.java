package org.jiuzhu.casework;

import jakarta.validation.constraints.AssertTrue;

/**
 * A task form that may refuse the case: when it refuses, the official's reason (the field
 * {@value Refusals#REASON}) is required, for the written notice states it.
 */
public interface RefusableForm {

    /** Whether the submitted answer refuses the case. */
    boolean refusing();

    /** The reason given to the applicant; none when not refusing. */
    String rejectionReason();

    @AssertTrue(message = "请填写“理由”")
    default boolean isReasonGiven() {
        return !refusing() || rejectionReason() != null;
    }

    @AssertTrue(message = "“理由”不能超过 " + Refusals.MAX_REASON + " 个字")
    default boolean isReasonShortEnough() {
        return !refusing() || rejectionReason() == null || rejectionReason().length() <= Refusals.MAX_REASON;
    }
}
