package org.jiuzhu.temporary.forms;

import java.math.BigDecimal;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.system.forms.CaseBoundForm;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.Label;
import org.jiuzhu.system.forms.TaskFormId;
import org.jiuzhu.temporary.Yuan;

/** 先行救助: whether the township pays a small amount at once, up to the configured maximum. */
@TaskFormId("temporary-assistance-aid-first")
public record AidFirstForm(
        @NotNull(message = "请选择“是否先行救助”") Decision aidFirstDecision,
        @Label("先行救助金额") BigDecimal aidFirstAmount,
        @NotNull(message = "请填写“情况说明”") @Size(max = 200, message = "“情况说明”不能超过 200 个字")
        String aidFirstReason) implements CaseBoundForm<BigDecimal> {

    public enum Decision implements FormChoice { GRANT, SKIP }

    @AssertTrue(message = "请填写“先行救助金额”（数字）")
    public boolean isAmountGiven() {
        return aidFirstDecision != Decision.GRANT || aidFirstAmount != null;
    }

    @AssertTrue(message = "先行救助金额应大于 0")
    public boolean isAmountPositive() {
        return aidFirstDecision != Decision.GRANT || aidFirstAmount == null || aidFirstAmount.signum() > 0;
    }

    /** Against the most a township pays at once. */
    @Override
    public void checkAgainst(BigDecimal aidFirstMax) {
        if (aidFirstDecision == Decision.GRANT && aidFirstAmount.compareTo(aidFirstMax) > 0) {
            throw FormBinding.refused("先行救助金额不能超过 " + Yuan.format(aidFirstMax) + " 元，其余部分请在审核审批后发放");
        }
    }

    /** The amount granted at once; null when the township decides against 先行救助. */
    public BigDecimal granted() {
        return aidFirstDecision == Decision.GRANT ? aidFirstAmount : null;
    }
}
