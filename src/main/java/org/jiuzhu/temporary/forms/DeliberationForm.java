package org.jiuzhu.temporary.forms;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.casework.RefusableForm;
import org.jiuzhu.system.forms.CaseBoundForm;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.Label;
import org.jiuzhu.system.forms.PastDate;
import org.jiuzhu.system.forms.TaskFormId;

/** 一事一议: the meeting of the coordination mechanism, its participants, its decision and the total it set. */
@TaskFormId("temporary-assistance-deliberation")
public record DeliberationForm(
        @NotNull(message = "请填写“会议日期”") @Label("会议日期") LocalDate meetingDate,
        @NotNull(message = "请填写“参会人员”") @Size(max = 500, message = "“参会人员”不能超过 500 个字") String participants,
        @NotNull(message = "请填写“会议决定”") @Size(max = 2000, message = "“会议决定”不能超过 2000 个字")
        String meetingDecision,
        @NotNull(message = "请选择“审议结果”") Decision approvalDecision,
        @Label("核定救助金额") BigDecimal approvedAmount,
        String rejectionReason) implements RefusableForm, CaseBoundForm<DeliberationForm.Facts> {

    public enum Decision implements FormChoice { APPROVE, REJECT }

    /** The window of the meeting's date and the 先行救助 the case already paid. */
    public record Facts(PastDate dates, BigDecimal aidFirstPaid) {
    }

    @AssertTrue(message = "一事一议须集体研究决定，请填写全部参会人员（至少两人），用顿号“、”分隔")
    public boolean isDecidedTogether() {
        return participants == null || participants.split("、").length >= 2;
    }

    @AssertTrue(message = "请填写“核定救助金额”（数字）")
    public boolean isAmountGiven() {
        return approvalDecision != Decision.APPROVE || approvedAmount != null;
    }

    @AssertTrue(message = "核定救助金额应大于 0")
    public boolean isAmountPositive() {
        return approvalDecision != Decision.APPROVE || approvedAmount == null || approvedAmount.signum() > 0;
    }

    @Override
    public boolean refusing() {
        return approvalDecision == Decision.REJECT;
    }

    @Override
    public void checkAgainst(Facts facts) {
        facts.dates().check(meetingDate, "会议日期");
        if (!refusing()) {
            CaseTotals.requireNotBelowAidFirst(approvedAmount, "核定救助金额", facts.aidFirstPaid());
        }
    }

    /** The minutes on the case: date, participants, decision. */
    public String minutes() {
        return "会议日期：" + meetingDate + "；参会人员：" + participants + "；会议决定：" + meetingDecision;
    }
}
