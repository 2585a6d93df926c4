package org.jiuzhu.temporary.forms;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.casework.RefusableForm;
import org.jiuzhu.system.forms.CaseBoundForm;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.Label;
import org.jiuzhu.system.forms.TaskFormId;

/** 乡镇审核: the township proposes the case's total (先行救助 included), or refuses. */
@TaskFormId("temporary-assistance-township-review")
public record TownshipReviewForm(
        @NotNull(message = "请填写“审核情况”") @Size(max = 2000, message = "“审核情况”不能超过 2000 个字")
        String reviewFindings,
        @NotNull(message = "请选择“审核意见”") Decision reviewDecision,
        @Label("拟救助金额") BigDecimal proposedAmount,
        String rejectionReason) implements RefusableForm, CaseBoundForm<BigDecimal> {

    public enum Decision implements FormChoice { PROPOSE, REJECT }

    @AssertTrue(message = "请填写“拟救助金额”（数字）")
    public boolean isProposalGiven() {
        return reviewDecision != Decision.PROPOSE || proposedAmount != null;
    }

    @AssertTrue(message = "拟救助金额应大于 0")
    public boolean isProposalPositive() {
        return reviewDecision != Decision.PROPOSE || proposedAmount == null || proposedAmount.signum() > 0;
    }

    @Override
    public boolean refusing() {
        return reviewDecision == Decision.REJECT;
    }

    /** Against the 先行救助 the case already paid. */
    @Override
    public void checkAgainst(BigDecimal aidFirstPaid) {
        if (!refusing()) {
            CaseTotals.requireNotBelowAidFirst(proposedAmount, "拟救助金额", aidFirstPaid);
        }
    }

    /** The total proposed; null when refusing. */
    public BigDecimal proposed() {
        return refusing() ? null : proposedAmount;
    }
}
