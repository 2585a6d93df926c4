package org.jiuzhu.dibao.process;

import org.jiuzhu.casework.Refusals;
import org.jiuzhu.engine.TaskActors;

import org.jiuzhu.dibao.DibaoVariables;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.casework.ObjectionRepository;
import org.jiuzhu.system.forms.SubmittedForm;
import org.jiuzhu.system.forms.TaskFormRules;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server-side checks of the dibao task forms (on completion, in the model as
 * {@code ${dibaoTaskChecks.onComplete(task)}}, and before that on REST submission through
 * the engine request guard (org.jiuzhu.system.web)), and the record of each decision. A form that breaks
 * a rule is refused with a Chinese message (400 in REST, shown in Tasklist) and nothing changes.
 * A refusal records the task's name as the stage named in the written notice.
 */
@Component("dibaoTaskChecks")
public class DibaoTaskChecks implements TaskFormRules {

    private static final int MAX_REASON = SubmittedForm.MAX_REASON;
    /** The acceptance form's answer that accepts the application (dibao-acceptance.form). */
    private static final String ACCEPTED = "accept";

    private final ApplicationRepository applications;
    private final CaseRecords records;
    private final EligibilityAssessment assessment;
    private final ObjectionRepository objections;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public DibaoTaskChecks(ApplicationRepository applications, CaseRecords records, EligibilityAssessment assessment,
                           ObjectionRepository objections, ObjectMapper objectMapper, Clock clock) {
        this.applications = applications;
        this.records = records;
        this.assessment = assessment;
        this.objections = objections;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey) {
        return DibaoVariables.PROCESS_KEY.equals(processDefinitionKey);
    }

    /** Checks a submitted form without a task at hand (the REST pre-check): throws on a broken rule. */
    @Override
    public void validate(String taskKey, Function<String, Object> variables) {
        SubmittedForm form = new SubmittedForm(variables);
        switch (taskKey) {
            case "Task_CorrectMaterials" -> form.refusal(
                    "reject".equals(form.choice("correctionDecision", "处理结果", Set.of("corrected", "reject"))));
            case "Task_Acceptance" -> form.refusal(
                    "reject".equals(form.choice("acceptanceDecision", "受理意见", Set.of("accept", "reject"))));
            case "Task_HomeInvestigation" -> checkHomeInvestigation(form);
            case "Task_DemocraticEvaluation" -> checkDemocraticEvaluation(form);
            case "Task_CheckObjection" -> {
                form.text("checkFindings", "核查情况", 2000);
                form.refusal("reject".equals(form.choice("objectionOutcome", "核查结论",
                        Set.of("unfounded", "reinvestigate", "reject"))));
            }
            case "Task_TownshipApproval" -> approvedAmount(form);
            case "Task_CountyFiling" -> {
                String decision = form.choice("countyDecision", "县级意见", Set.of("file", "sendBack", "reject"));
                if ("sendBack".equals(decision) && form.optionalText("countyOpinion", "意见说明", 1000) == null) {
                    throw refused("退回乡镇重新审批时，请在“意见说明”中写明退回理由");
                }
                form.refusal("reject".equals(decision));
            }
            default -> {
                // Not a dibao task form.
            }
        }
    }

    /** On completion (in the model: {@code ${dibaoTaskChecks.onComplete(task)}}): check, then record. */
    public void onComplete(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        validate(key, task::getVariable);
        SubmittedForm form = new SubmittedForm(task::getVariable);
        switch (key) {
            case "Task_CorrectMaterials" -> recordChoice(task, form, "correctionDecision", "reject");
            case "Task_Acceptance" -> recordChoice(task, form, "acceptanceDecision", "reject");
            case "Task_HomeInvestigation" -> record(task, "investigated", form.number("verifiedMonthlyIncome", "核实的家庭月总收入"),
                    "调查日期：" + investigationDate(form) + "。调查人员：" + form.text("investigators", "调查人员", 100)
                            + "。" + form.text("findings", "调查情况", 2000), false);
            case "Task_DemocraticEvaluation" -> recordEvaluation(task, form);
            case "Task_CheckObjection" -> recordObjectionCheck(task, form);
            case "Task_TownshipApproval" -> recordTownshipApproval(task, form);
            case "Task_CountyFiling" -> recordCountyFiling(task, form);
            default -> throw new IllegalStateException("No checks for task " + key);
        }
    }

    private void checkHomeInvestigation(SubmittedForm form) {
        String investigators = form.text("investigators", "调查人员", 100);
        if (investigators.split("、").length < 2) {
            throw refused("入户调查须由至少两名工作人员进行，请填写全部调查人员，用顿号“、”分隔");
        }
        investigationDate(form);
        form.text("findings", "调查情况", 2000);
        if (form.number("verifiedMonthlyIncome", "核实的家庭月总收入").signum() < 0) {
            throw refused("核实的家庭月总收入不能为负数");
        }
        if (!Boolean.TRUE.equals(form.value("investigatorsSigned"))) {
            throw refused("请确认调查人员均已在入户调查表上签字");
        }
    }

    private LocalDate investigationDate(SubmittedForm form) {
        return pastCaseDate(form, "investigationDate", "调查日期");
    }

    private LocalDate evaluationDate(SubmittedForm form) {
        return pastCaseDate(form, "evaluationDate", "评议日期");
    }

    /**
     * A date of the case's work after acceptance: not after today, not before the day the township
     * accepted the application (the day it applied where the case skipped acceptance, as a same-day
     * emergency catching up its formalities does), both in the configured zone.
     */
    private LocalDate pastCaseDate(SubmittedForm form, String name, String label) {
        LocalDate today = LocalDate.now(clock);
        if (!(form.value(DibaoVariables.APPLICATION_ID) instanceof Number id)) {
            return form.pastDate(name, label, today, null, null);
        }
        Optional<LocalDate> accepted = records.decisions(id.longValue()).stream()
                .filter(decision -> ACCEPTED.equals(decision.decision()))
                .map(decision -> LocalDate.ofInstant(decision.decidedAt(), clock.getZone()))
                .max(LocalDate::compareTo);
        if (accepted.isPresent()) {
            return form.pastDate(name, label, today, accepted.get(), "受理日期");
        }
        LocalDate applied = LocalDate.ofInstant(applications.get(id.longValue()).submittedAt(), clock.getZone());
        return form.pastDate(name, label, today, applied, "申请日期");
    }

    private void checkDemocraticEvaluation(SubmittedForm form) {
        evaluationDate(form);
        int participants = form.number("participantCount", "参加评议人数").intValue();
        int agree = form.number("agreeCount", "同意人数").intValue();
        int disagree = form.number("disagreeCount", "不同意人数").intValue();
        if (participants < 1 || agree < 0 || disagree < 0 || agree + disagree > participants) {
            throw refused("同意人数与不同意人数之和不能超过参加评议人数");
        }
        form.optionalText("dissent", "不同意见", 1000);
        form.refusal("disagree".equals(form.choice("evaluationResult", "评议结果", Set.of("agree", "disagree"))));
    }

    /** The amount the township approves; null when it refuses. */
    private static BigDecimal approvedAmount(SubmittedForm form) {
        String decision = form.choice("approvalDecision", "审批意见", Set.of("approve", "changeAmount", "reject"));
        if ("reject".equals(decision)) {
            form.refusal(true);
            return null;
        }
        BigDecimal suggested = form.number(DibaoVariables.SUGGESTED_AMOUNT, "建议月保障金");
        if ("approve".equals(decision)) {
            if (suggested.signum() <= 0) {
                throw refused("系统测算不符合条件，没有建议金额；如确需批准，请选择“批准，调整保障金额”并说明理由");
            }
            return suggested;
        }
        BigDecimal approved = form.number(DibaoVariables.APPROVED_AMOUNT, "核定月保障金");
        if (approved.signum() <= 0) {
            throw refused("核定月保障金应大于 0");
        }
        form.text("amountChangeReason", "调整理由", MAX_REASON);
        return approved;
    }

    private void recordChoice(DelegateTask task, SubmittedForm form, String decisionField, String refusalValue) {
        String decision = (String) form.value(decisionField);
        record(task, decision, null, Refusals.reason(task, form, refusalValue.equals(decision)), false);
    }

    private void recordEvaluation(DelegateTask task, SubmittedForm form) {
        String result = (String) form.value("evaluationResult");
        String dissent = form.optionalText("dissent", "不同意见", 1000);
        String summary = "评议日期：" + evaluationDate(form) + "。参加 " + form.number("participantCount", "") + " 人，同意 " + form.number("agreeCount", "")
                + " 人，不同意 " + form.number("disagreeCount", "") + " 人" + (dissent == null ? "" : "。不同意见：" + dissent);
        String rejection = Refusals.reason(task, form, "disagree".equals(result));
        record(task, result, null, rejection == null ? summary : rejection + "（" + summary + "）", false);
    }

    private void recordObjectionCheck(DelegateTask task, SubmittedForm form) {
        String outcome = (String) form.value("objectionOutcome");
        String findings = form.text("checkFindings", "核查情况", 2000);
        if (task.getVariable(DibaoVariables.OBJECTION_ID) instanceof Number id) {
            objections.recordOutcome(id.longValue(), outcome, findings);
        }
        String rejection = Refusals.reason(task, form, "reject".equals(outcome));
        record(task, outcome, null, rejection == null ? findings : rejection, false);
    }

    private void recordTownshipApproval(DelegateTask task, SubmittedForm form) {
        String decision = (String) form.value("approvalDecision");
        if ("reject".equals(decision)) {
            record(task, decision, null, Refusals.reason(task, form, true), true);
            return;
        }
        BigDecimal suggested = form.number(DibaoVariables.SUGGESTED_AMOUNT, "建议月保障金");
        BigDecimal approved = approvedAmount(form);
        boolean changed = approved.compareTo(suggested) != 0;
        List<String> confirmationReasons = new ArrayList<>();
        if (Boolean.TRUE.equals(task.getVariable(DibaoVariables.RELATIVE_OF_OFFICIAL))) {
            confirmationReasons.add("申请家庭有经办人员或村（居）委会成员的近亲属");
        }
        if (changed) {
            confirmationReasons.add("乡镇调整了保障金额（建议 " + suggested.toPlainString() + " 元，核定 "
                    + approved.toPlainString() + " 元）");
        }
        task.setVariable(DibaoVariables.APPROVED_AMOUNT, approved.doubleValue());
        task.setVariable(DibaoVariables.AMOUNT_CHANGED, changed);
        task.setVariable(DibaoVariables.REQUIRES_CONFIRMATION, !confirmationReasons.isEmpty());
        task.setVariable(DibaoVariables.CONFIRMATION_REASONS, String.join("；", confirmationReasons));
        record(task, decision, approved, "changeAmount".equals(decision)
                ? form.text("amountChangeReason", "调整理由", MAX_REASON) : null, true);
    }

    private void recordCountyFiling(DelegateTask task, SubmittedForm form) {
        String decision = (String) form.value("countyDecision");
        String opinion = form.optionalText("countyOpinion", "意见说明", 1000);
        String rejection = Refusals.reason(task, form, "reject".equals(decision));
        boolean confirmation = Boolean.TRUE.equals(task.getVariable(DibaoVariables.REQUIRES_CONFIRMATION));
        String recorded = "file".equals(decision) ? (confirmation ? "confirmed" : "filed") : decision;
        Object amount = task.getVariable(DibaoVariables.APPROVED_AMOUNT);
        record(task, recorded, amount instanceof Number n ? new BigDecimal(n.toString()) : null,
                rejection != null ? rejection : opinion, true);
    }

    /** Records the decision taken in a task on the case (with the household snapshot where it decides). */
    public void record(DelegateTask task, String decision, BigDecimal amount, String reason, boolean withSnapshot) {
        long applicationId = applicationId(task);
        records.recordDecision(applicationId, task.getName(), decision, amount, reason, actor(task),
                withSnapshot ? snapshot(applicationId) : null);
    }

    /** The household data and assessment the decision was based on. */
    private String snapshot(long applicationId) {
        DibaoApplication application = applications.get(applicationId);
        try {
            return objectMapper.writeValueAsString(Map.of("application", application,
                    "assessment", assessment.find(applicationId).map(Object.class::cast).orElse("none")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot snapshot application " + applicationId, e);
        }
    }

    private static long applicationId(DelegateTask task) {
        return (Long) task.getVariable(DibaoVariables.APPLICATION_ID);
    }

    public static String actor(DelegateTask task) {
        return TaskActors.actor(task);
    }

    private static BadUserRequestException refused(String message) {
        return SubmittedForm.refused(message);
    }
}
