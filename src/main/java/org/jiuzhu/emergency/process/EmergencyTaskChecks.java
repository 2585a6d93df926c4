package org.jiuzhu.emergency.process;

import org.jiuzhu.casework.CaseRecords;

import org.jiuzhu.casework.Refusals;
import org.jiuzhu.engine.TaskActors;

import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.emergency.LiabilityRecords;
import org.jiuzhu.organisation.UnitLevel;
import org.jiuzhu.system.forms.SubmittedForm;
import org.jiuzhu.system.forms.TaskFormRules;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the same-day task forms (before REST submission and on completion, in the
 * model as {@code ${emergencyTaskChecks.onComplete(task)}}); on completion the decision goes on the
 * case and the case is filed in the archive of the level that handled it (三级备档).
 */
@Component("emergencyTaskChecks")
public class EmergencyTaskChecks implements TaskFormRules {

    private final CaseRecords records;
    private final EmergencyArchive archive;
    private final LiabilityRecords liabilities;

    public EmergencyTaskChecks(CaseRecords records, EmergencyArchive archive, LiabilityRecords liabilities) {
        this.records = records;
        this.archive = archive;
        this.liabilities = liabilities;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey) {
        return EmergencyVariables.PROCESS_KEY.equals(processDefinitionKey);
    }

    @Override
    public void validate(String taskKey, Function<String, Object> variables) {
        SubmittedForm form = new SubmittedForm(variables);
        switch (taskKey) {
            case "Task_VillageReview" -> {
                form.text("reviewFindings", "核实情况", 2000);
                String decision = form.choice(EmergencyVariables.VILLAGE_DECISION, "村级意见", Set.of("agree", "reject"));
                if ("agree".equals(decision)) {
                    if (Boolean.FALSE.equals(form.value(DibaoVariables.MATERIALS_COMPLETE))) {
                        throw SubmittedForm.refused("材料核验未通过（" + form.value(DibaoVariables.MISSING_ITEMS)
                                + "），不能同意当日审批；请选择“不同意”，并在理由中一次性告知需补正的全部材料");
                    }
                    if (!form.checked("hardshipConfirmed")) {
                        throw SubmittedForm.refused("请确认已核实该家庭因突发事件陷入生活困境");
                    }
                }
                form.refusal("reject".equals(decision));
            }
            case "Task_TownshipApproval" -> {
                form.optionalText("townshipOpinion", "审批意见", 1000);
                form.refusal("reject".equals(
                        form.choice(EmergencyVariables.TOWNSHIP_DECISION, "审批结果", Set.of("approve", "reject"))));
            }
            case "Task_CountyFiling" -> {
                form.optionalText("filingRemarks", "备案意见", 1000);
                if (!form.checked("filingConfirmed")) {
                    throw SubmittedForm.refused("请确认已核对案卷并予以备案");
                }
            }
            case "Task_RecoverFunds" -> {
                BigDecimal recovered = form.number("recoveredAmount", "已追回金额");
                BigDecimal due = form.number("amountToRecover", "应追回金额");
                if (recovered.signum() < 0 || recovered.compareTo(due) > 0) {
                    throw SubmittedForm.refused("已追回金额应在 0 至应追回金额 " + due.toPlainString() + " 元之间");
                }
                form.text("recoveryNote", "追回情况说明", 2000);
            }
            default -> {
                // Not a same-day task form.
            }
        }
    }

    /** On completion: check, record the decision, file the case at the level that handled it. */
    public void onComplete(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        validate(key, task::getVariable);
        SubmittedForm form = new SubmittedForm(task::getVariable);
        String actor = TaskActors.actor(task);
        long applicationId = (Long) task.getVariable(DibaoVariables.APPLICATION_ID);
        BigDecimal amount = new BigDecimal(task.getVariable(EmergencyVariables.EMERGENCY_AMOUNT).toString());
        switch (key) {
            case "Task_VillageReview" -> {
                String decision = (String) form.value(EmergencyVariables.VILLAGE_DECISION);
                String reason = Refusals.reason(task, form, "reject".equals(decision));
                record(task, decision, null, reason != null ? reason : form.text("reviewFindings", "核实情况", 2000), false);
                archive.file(applicationId, UnitLevel.VILLAGE, actor);
            }
            case "Task_TownshipApproval" -> {
                String decision = (String) form.value(EmergencyVariables.TOWNSHIP_DECISION);
                String reason = Refusals.reason(task, form, "reject".equals(decision));
                record(task, decision, "approve".equals(decision) ? amount : null,
                        reason != null ? reason : form.optionalText("townshipOpinion", "审批意见", 1000), true);
                archive.file(applicationId, UnitLevel.TOWNSHIP, actor);
            }
            case "Task_CountyFiling" -> {
                record(task, "filed", amount, form.optionalText("filingRemarks", "备案意见", 1000), false);
                archive.file(applicationId, UnitLevel.COUNTY, actor);
            }
            case "Task_RecoverFunds" -> {
                BigDecimal recovered = form.number("recoveredAmount", "已追回金额");
                String note = form.text("recoveryNote", "追回情况说明", 2000);
                liabilities.recovered(task.getExecution().getProcessBusinessKey(), recovered, note, actor);
                record(task, "recovered", recovered, note, false);
            }
            default -> throw new IllegalStateException("No checks for task " + key);
        }
    }

    /** The decision taken in the task, on the case's record (the catch-up dibao application). */
    private void record(DelegateTask task, String decision, BigDecimal amount, String reason, boolean withSnapshot) {
        records.recordDecision((Long) task.getVariable(DibaoVariables.APPLICATION_ID), task.getName(), decision, amount,
                reason, TaskActors.actor(task), null);
    }
}
