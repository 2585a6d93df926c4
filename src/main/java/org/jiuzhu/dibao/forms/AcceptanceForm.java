package org.jiuzhu.dibao.forms;

import jakarta.validation.constraints.NotNull;

import org.jiuzhu.casework.RefusableForm;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.TaskFormId;

/** 乡镇受理: the township accepts the application or refuses it. */
@TaskFormId("dibao-acceptance")
public record AcceptanceForm(
        @NotNull(message = "请选择“受理意见”") Decision acceptanceDecision,
        String rejectionReason) implements RefusableForm {

    public enum Decision implements FormChoice { ACCEPT, REJECT }

    @Override
    public boolean refusing() {
        return acceptanceDecision == Decision.REJECT;
    }
}
