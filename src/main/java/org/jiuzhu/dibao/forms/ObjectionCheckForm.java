package org.jiuzhu.dibao.forms;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.casework.RefusableForm;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.TaskFormId;

/** 核查异议: what the township found about an objection raised during the notice, and its conclusion. */
@TaskFormId("dibao-objection-check")
public record ObjectionCheckForm(
        @NotNull(message = "请填写“核查情况”") @Size(max = 2000, message = "“核查情况”不能超过 2000 个字")
        String checkFindings,
        @NotNull(message = "请选择“核查结论”") Outcome objectionOutcome,
        String rejectionReason) implements RefusableForm {

    public enum Outcome implements FormChoice { UNFOUNDED, REINVESTIGATE, REJECT }

    @Override
    public boolean refusing() {
        return objectionOutcome == Outcome.REJECT;
    }
}
