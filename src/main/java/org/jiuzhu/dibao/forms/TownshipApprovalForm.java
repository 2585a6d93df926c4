package org.jiuzhu.dibao.forms;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.casework.AmountApproval;
import org.jiuzhu.system.forms.CaseBoundForm;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.Label;
import org.jiuzhu.system.forms.TaskFormId;

/**
 * 乡镇审批: the township approves the amount the assessment suggested, approves another amount with a reason,
 * or refuses. The suggested amount (the case's, not the form's) is the fact it is checked against.
 */
@TaskFormId("dibao-township-approval")
public record TownshipApprovalForm(
        @NotNull(message = "请选择“审批意见”") Decision approvalDecision,
        @Label("核定月保障金") BigDecimal approvedAmount,
        @Size(max = 500, message = "“调整理由”不能超过 500 个字") String amountChangeReason,
        String rejectionReason) implements AmountApproval, CaseBoundForm<BigDecimal> {

    @AssertTrue(message = "请填写“核定月保障金”（数字）")
    public boolean isChangedAmountGiven() {
        return approvalDecision != Decision.CHANGE_AMOUNT || approvedAmount != null;
    }

    @AssertTrue(message = "核定月保障金应大于 0")
    public boolean isChangedAmountPositive() {
        return approvalDecision != Decision.CHANGE_AMOUNT || approvedAmount == null || approvedAmount.signum() > 0;
    }

    /** Against the amount the assessment suggested (none or zero when it found the household not eligible). */
    @Override
    public void checkAgainst(BigDecimal suggestedAmount) {
        if (refusing()) {
            return;
        }
        if (suggestedAmount == null) {
            throw FormBinding.refused("请填写“建议月保障金”（数字）");
        }
        if (approvalDecision == Decision.APPROVE && suggestedAmount.signum() <= 0) {
            throw FormBinding.refused("系统测算不符合条件，没有建议金额；如确需批准，请选择“批准，调整保障金额”并说明理由");
        }
    }
}
