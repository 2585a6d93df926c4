package org.jiuzhu.emergency.forms;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.casework.RefusableForm;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.TaskFormId;

/** 乡镇审批（当日）: the township approves the emergency grant or refuses. */
@TaskFormId("emergency-township-approval")
public record TownshipApprovalForm(
        @NotNull(message = "请选择“审批结果”") Decision townshipDecision,
        @Size(max = 1000, message = "“审批意见”不能超过 1000 个字") String townshipOpinion,
        String rejectionReason) implements RefusableForm {

    public enum Decision implements FormChoice { APPROVE, REJECT }

    @Override
    public boolean refusing() {
        return townshipDecision == Decision.REJECT;
    }
}
