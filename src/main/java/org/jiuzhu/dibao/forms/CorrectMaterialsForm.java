package org.jiuzhu.dibao.forms;

import jakarta.validation.constraints.NotNull;

import org.jiuzhu.casework.RefusableForm;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.TaskFormId;

/** 补正材料: the township corrected the application, or refuses it. */
@TaskFormId("dibao-correct-materials")
public record CorrectMaterialsForm(
        @NotNull(message = "请选择“处理结果”") Decision correctionDecision,
        String rejectionReason) implements RefusableForm {

    public enum Decision implements FormChoice { CORRECTED, REJECT }

    @Override
    public boolean refusing() {
        return correctionDecision == Decision.REJECT;
    }
}
