package org.jiuzhu.temporary.forms;

import java.math.BigDecimal;
import java.util.function.Function;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.casework.AmountApproval;
import org.jiuzhu.system.forms.CaseBoundForm;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.Label;
import org.jiuzhu.system.forms.TaskFormId;
import org.jiuzhu.temporary.ApprovalRouting;

/**
 * 乡镇审批 and 县级审批: the township or the county approves the proposed total, approves another total within
 * its authority (with a reason), or refuses.
 */
@TaskFormId("temporary-assistance-approval")
public record ApprovalForm(
        @NotNull(message = "请选择“审批意见”") Decision approvalDecision,
        @Label("核定救助金额") BigDecimal approvedAmount,
        @Size(max = 500, message = "“调整理由”不能超过 500 个字") String amountChangeReason,
        @Size(max = 1000, message = "“审批意见说明”不能超过 1000 个字") String approvalOpinion,
        String rejectionReason) implements AmountApproval, CaseBoundForm<ApprovalForm.Facts> {

    /**
     * The case as the approver sees it: who approves ({@code authority}), the total the township proposed, the
     * 先行救助 paid, and who would have to decide a given total.
     */
    public record Facts(ApprovalRouting.Route authority, BigDecimal proposedAmount, BigDecimal aidFirstPaid,
                        Function<BigDecimal, ApprovalRouting.Decision> routeOf) {
    }

    @AssertTrue(message = "请填写“核定救助金额”（数字）")
    public boolean isChangedAmountGiven() {
        return approvalDecision != Decision.CHANGE_AMOUNT || approvedAmount != null;
    }

    @AssertTrue(message = "核定救助金额应大于 0")
    public boolean isChangedAmountPositive() {
        return approvalDecision != Decision.CHANGE_AMOUNT || approvedAmount == null || approvedAmount.signum() > 0;
    }

    /** A changed total stays within the approver's authority and not below the 先行救助 paid. */
    @Override
    public void checkAgainst(Facts facts) {
        if (refusing()) {
            return;
        }
        if (facts.proposedAmount() == null) {
            throw FormBinding.refused("请填写“拟救助金额”（数字）");
        }
        if (approvalDecision == Decision.APPROVE) {
            return;
        }
        CaseTotals.requireNotBelowAidFirst(approvedAmount, "核定救助金额", facts.aidFirstPaid());
        ApprovalRouting.Decision needed = facts.routeOf().apply(approvedAmount);
        if (!facts.authority().covers(needed.route())) {
            throw FormBinding.refused("调整后的金额须由“" + needed.route().label() + "”决定（" + needed.reason() + "），超出"
                    + facts.authority().label() + "权限。请按拟救助金额批准，或不予批准并说明理由");
        }
    }
}
