package org.jiuzhu.emergency.forms;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jiuzhu.casework.RefusableForm;
import org.jiuzhu.system.forms.CaseBoundForm;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.FormChoice;
import org.jiuzhu.system.forms.TaskFormId;

/** 村级审核（当日）: the village confirms the hardship and agrees to the same-day path, or refuses. */
@TaskFormId("emergency-village-review")
public record VillageReviewForm(
        boolean hardshipConfirmed,
        @NotNull(message = "请填写“核实情况”") @Size(max = 2000, message = "“核实情况”不能超过 2000 个字")
        String reviewFindings,
        @NotNull(message = "请选择“村级意见”") Decision villageDecision,
        String rejectionReason) implements RefusableForm, CaseBoundForm<VillageReviewForm.Materials> {

    public enum Decision implements FormChoice { AGREE, REJECT }

    /** What the materials check found: whether the materials are complete, and what is missing. */
    public record Materials(Boolean complete, Object missingItems) {
    }

    @AssertTrue(message = "请确认已核实该家庭因突发事件陷入生活困境")
    public boolean isHardshipConfirmedWhenAgreeing() {
        return villageDecision != Decision.AGREE || hardshipConfirmed;
    }

    @Override
    public boolean refusing() {
        return villageDecision == Decision.REJECT;
    }

    @Override
    public void checkAgainst(Materials materials) {
        if (villageDecision == Decision.AGREE && Boolean.FALSE.equals(materials.complete())) {
            throw FormBinding.refused("材料核验未通过（" + materials.missingItems()
                    + "），不能同意当日审批；请选择“不同意”，并在理由中一次性告知需补正的全部材料");
        }
    }
}
