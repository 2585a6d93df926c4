package org.jiuzhu.emergency.forms;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.system.forms.CaseBoundForm;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.Label;
import org.jiuzhu.system.forms.TaskFormId;

/** 追回救助资金: how much of the grant the township recovered, checked against the amount to recover. */
@TaskFormId("emergency-recover-funds")
public record RecoverFundsForm(
        @NotNull(message = "请填写“已追回金额”（数字）") @Label("已追回金额") BigDecimal recoveredAmount,
        @NotNull(message = "请填写“追回情况说明”") @Size(max = 2000, message = "“追回情况说明”不能超过 2000 个字")
        String recoveryNote) implements CaseBoundForm<BigDecimal> {

    @Override
    public void checkAgainst(BigDecimal amountToRecover) {
        if (amountToRecover == null) {
            throw FormBinding.refused("请填写“应追回金额”（数字）");
        }
        if (recoveredAmount.signum() < 0 || recoveredAmount.compareTo(amountToRecover) > 0) {
            throw FormBinding.refused("已追回金额应在 0 至应追回金额 " + amountToRecover.toPlainString() + " 元之间");
        }
    }
}
