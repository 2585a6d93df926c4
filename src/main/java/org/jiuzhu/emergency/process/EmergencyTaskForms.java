package org.jiuzhu.emergency.process;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.casework.Refusals;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.emergency.LiabilityRecords;
import org.jiuzhu.emergency.forms.CountyFilingForm;
import org.jiuzhu.emergency.forms.RecoverFundsForm;
import org.jiuzhu.emergency.forms.TownshipApprovalForm;
import org.jiuzhu.emergency.forms.VillageReviewForm;
import org.jiuzhu.engine.TaskActors;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.TaskFormHandlers;
import org.springframework.stereotype.Component;

/**
 * The same-day task forms: once a form is valid (see {@link org.jiuzhu.system.forms.TaskFormListener}) the
 * decision goes on the case and the case is filed in the archive of the level that handled it (三级备档).
 */
@Component
class EmergencyTaskForms implements TaskFormHandlers {

    private final CaseRecords records;
    private final EmergencyArchive archive;
    private final LiabilityRecords liabilities;

    EmergencyTaskForms(CaseRecords records, EmergencyArchive archive, LiabilityRecords liabilities) {
        this.records = records;
        this.archive = archive;
        this.liabilities = liabilities;
    }

    @Override
    public void register(Registry registry) {
        registry.on(VillageReviewForm.class, task -> new VillageReviewForm.Materials(
                        (Boolean) task.getVariable(DibaoVariables.MATERIALS_COMPLETE),
                        task.getVariable(DibaoVariables.MISSING_ITEMS)),
                (task, form) -> {
                    String reason = Refusals.reason(task, form);
                    record(task, form.villageDecision().value(), null, reason != null ? reason : form.reviewFindings());
                    archive.file(applicationId(task), UnitLevel.VILLAGE, TaskActors.actor(task));
                });
        registry.on(TownshipApprovalForm.class, (task, form) -> {
            String reason = Refusals.reason(task, form);
            record(task, form.townshipDecision().value(), form.refusing() ? null : emergencyAmount(task),
                    reason != null ? reason : form.townshipOpinion());
            archive.file(applicationId(task), UnitLevel.TOWNSHIP, TaskActors.actor(task));
        });
        registry.on(CountyFilingForm.class, (task, form) -> {
            record(task, "filed", emergencyAmount(task), form.filingRemarks());
            archive.file(applicationId(task), UnitLevel.COUNTY, TaskActors.actor(task));
        });
        registry.on(RecoverFundsForm.class,
                task -> FormBinding.number(task.getVariable(EmergencyVariables.AMOUNT_TO_RECOVER)),
                (task, form) -> {
                    liabilities.recovered(task.getExecution().getProcessBusinessKey(), form.recoveredAmount(),
                            form.recoveryNote(), TaskActors.actor(task));
                    record(task, "recovered", form.recoveredAmount(), form.recoveryNote());
                });
    }

    private static long applicationId(DelegateTask task) {
        return (Long) task.getVariable(DibaoVariables.APPLICATION_ID);
    }

    private static BigDecimal emergencyAmount(DelegateTask task) {
        return new BigDecimal(task.getVariable(EmergencyVariables.EMERGENCY_AMOUNT).toString());
    }

    /** The decision taken in the task, on the case's record (the catch-up dibao application). */
    private void record(DelegateTask task, String decision, BigDecimal amount, String reason) {
        records.recordDecision(applicationId(task), task.getName(), decision, amount, reason, TaskActors.actor(task),
                null);
    }
}
