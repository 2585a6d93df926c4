package org.jiuzhu.casework;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;

import org.jiuzhu.system.forms.FormChoice;

/**
 * An approval form that approves the amount proposed to it, approves another amount with a reason, or refuses
 * (the dibao township approval, the 临时救助 approvals).
 */
public interface AmountApproval extends RefusableForm {

    enum Decision implements FormChoice { APPROVE, CHANGE_AMOUNT, REJECT }

    Decision approvalDecision();

    /** The amount approved instead of the proposed one. */
    BigDecimal approvedAmount();

    String amountChangeReason();

    @AssertTrue(message = "请填写“调整理由”")
    default boolean isChangeExplained() {
        return approvalDecision() != Decision.CHANGE_AMOUNT || amountChangeReason() != null;
    }

    @Override
    default boolean refusing() {
        return approvalDecision() == Decision.REJECT;
    }

    /** The amount approved: the proposed one or the changed one; null when refusing. */
    default BigDecimal approved(BigDecimal proposedAmount) {
        return switch (approvalDecision()) {
            case APPROVE -> proposedAmount;
            case CHANGE_AMOUNT -> approvedAmount();
            case REJECT -> null;
        };
    }
}
