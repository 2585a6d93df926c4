package org.jiuzhu.dibao.forms;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.casework.RefusableForm;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.TaskFormId;

/** 县级备案/确认: the county files (or confirms) the township's approval, sends it back, or refuses. */
@TaskFormId("dibao-county-filing")
public record CountyFilingForm(
        @NotNull(message = "请选择“县级意见”") Decision countyDecision,
        @Size(max = 1000, message = "“意见说明”不能超过 1000 个字") String countyOpinion,
        String rejectionReason) implements RefusableForm {

    public enum Decision implements FormChoice { FILE, SEND_BACK, REJECT }

    @AssertTrue(message = "退回乡镇重新审批时，请在“意见说明”中写明退回理由")
    public boolean isSendingBackExplained() {
        return countyDecision != Decision.SEND_BACK || countyOpinion != null;
    }

    @Override
    public boolean refusing() {
        return countyDecision == Decision.REJECT;
    }
}
