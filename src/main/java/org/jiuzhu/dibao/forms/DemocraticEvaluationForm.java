package org.jiuzhu.dibao.forms;

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

/** 民主评议: the meeting's date, its vote and its result; a disagreeing result refuses the case. */
@TaskFormId("dibao-democratic-evaluation")
public record DemocraticEvaluationForm(
        @NotNull(message = "请填写“评议日期”") @Label("评议日期") LocalDate evaluationDate,
        @NotNull(message = "请填写“参加评议人数”（数字）") @Label("参加评议人数") BigDecimal participantCount,
        @NotNull(message = "请填写“同意人数”（数字）") @Label("同意人数") BigDecimal agreeCount,
        @NotNull(message = "请填写“不同意人数”（数字）") @Label("不同意人数") BigDecimal disagreeCount,
        @NotNull(message = "请选择“评议结果”") Result evaluationResult,
        @Size(max = 1000, message = "“不同意见”不能超过 1000 个字") String dissent,
        String rejectionReason) implements RefusableForm, CaseBoundForm<PastDate> {

    public enum Result implements FormChoice { AGREE, DISAGREE }

    @AssertTrue(message = "同意人数与不同意人数之和不能超过参加评议人数")
    public boolean isVoteCounted() {
        if (participantCount == null || agreeCount == null || disagreeCount == null) {
            return true;
        }
        int participants = participantCount.intValue();
        int agree = agreeCount.intValue();
        int disagree = disagreeCount.intValue();
        return participants >= 1 && agree >= 0 && disagree >= 0 && agree + disagree <= participants;
    }

    @Override
    public boolean refusing() {
        return evaluationResult == Result.DISAGREE;
    }

    @Override
    public void checkAgainst(PastDate dates) {
        dates.check(evaluationDate, "评议日期");
    }

    /** The record on the case: date, vote and dissent. */
    public String summary() {
        return "评议日期：" + evaluationDate + "。参加 " + participantCount + " 人，同意 " + agreeCount + " 人，不同意 "
                + disagreeCount + " 人" + (dissent == null ? "" : "。不同意见：" + dissent);
    }
}
