package org.jiuzhu.dibao.process;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.notice.ObjectionRepository;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Server-side checks of the dibao task forms (on completion, in the model as
 * {@code ${dibaoTaskChecks.acceptance(task)}}), and the record of each decision. A form that breaks
 * a rule is refused with a Chinese message (400 in REST, shown in Tasklist) and nothing changes.
 * A refusal records the task's name as the stage named in the written notice.
 */
@Component("dibaoTaskChecks")
public class DibaoTaskChecks {

    private static final int MAX_REASON = 500;

    private final ApplicationRepository applications;
    private final CaseRecords records;
    private final EligibilityAssessment assessment;
    private final ObjectionRepository objections;
    private final ObjectMapper objectMapper;

    public DibaoTaskChecks(ApplicationRepository applications, CaseRecords records, EligibilityAssessment assessment,
                           ObjectionRepository objections, ObjectMapper objectMapper) {
        this.applications = applications;
        this.records = records;
        this.assessment = assessment;
        this.objections = objections;
        this.objectMapper = objectMapper;
    }

    public void correctMaterials(DelegateTask task) {
        String decision = choice(task, "correctionDecision", "处理结果", Set.of("corrected", "reject"));
        record(task, decision, null, rejectionIf(task, "reject".equals(decision)), false);
    }

    public void acceptance(DelegateTask task) {
        String decision = choice(task, "acceptanceDecision", "受理意见", Set.of("accept", "reject"));
        record(task, decision, null, rejectionIf(task, "reject".equals(decision)), false);
    }

    public void homeInvestigation(DelegateTask task) {
        String investigators = text(task, "investigators", "调查人员", 100);
        if (investigators.split("、").length < 2) {
            throw refused("入户调查须由至少两名工作人员进行，请填写全部调查人员，用顿号“、”分隔");
        }
        text(task, "investigationDate", "调查日期", 30);
        String findings = text(task, "findings", "调查情况", 2000);
        BigDecimal income = number(task, "verifiedMonthlyIncome", "核实的家庭月总收入");
        if (income.signum() < 0) {
            throw refused("核实的家庭月总收入不能为负数");
        }
        if (!Boolean.TRUE.equals(task.getVariable("investigatorsSigned"))) {
            throw refused("请确认调查人员均已在入户调查表上签字");
        }
        record(task, "investigated", income, "调查人员：" + investigators + "。" + findings, false);
    }

    public void democraticEvaluation(DelegateTask task) {
        text(task, "evaluationDate", "评议日期", 30);
        int participants = number(task, "participantCount", "参加评议人数").intValue();
        int agree = number(task, "agreeCount", "同意人数").intValue();
        int disagree = number(task, "disagreeCount", "不同意人数").intValue();
        if (participants < 1 || agree < 0 || disagree < 0 || agree + disagree > participants) {
            throw refused("同意人数与不同意人数之和不能超过参加评议人数");
        }
        String result = choice(task, "evaluationResult", "评议结果", Set.of("agree", "disagree"));
        String dissent = optionalText(task, "dissent", "不同意见", 1000);
        String summary = "参加 " + participants + " 人，同意 " + agree + " 人，不同意 " + disagree + " 人"
                + (dissent == null ? "" : "。不同意见：" + dissent);
        String rejection = rejectionIf(task, "disagree".equals(result));
        record(task, result, null, rejection == null ? summary : rejection + "（" + summary + "）", false);
    }

    public void objectionCheck(DelegateTask task) {
        String findings = text(task, "checkFindings", "核查情况", 2000);
        String outcome = choice(task, "objectionOutcome", "核查结论", Set.of("unfounded", "reinvestigate", "reject"));
        String rejection = rejectionIf(task, "reject".equals(outcome));
        Object objectionId = task.getVariable(DibaoVariables.OBJECTION_ID);
        if (objectionId instanceof Number id) {
            objections.recordOutcome(id.longValue(), outcome, findings);
        }
        record(task, outcome, null, rejection == null ? findings : rejection, false);
    }

    public void townshipApproval(DelegateTask task) {
        String decision = choice(task, "approvalDecision", "审批意见", Set.of("approve", "changeAmount", "reject"));
        long applicationId = applicationId(task);
        if ("reject".equals(decision)) {
            record(task, decision, null, rejectionIf(task, true), true);
            return;
        }
        BigDecimal suggested = number(task, DibaoVariables.SUGGESTED_AMOUNT, "建议月保障金");
        BigDecimal approved;
        String reason = null;
        if ("approve".equals(decision)) {
            if (suggested.signum() <= 0) {
                throw refused("系统测算不符合条件，没有建议金额；如确需批准，请选择“批准，调整保障金额”并说明理由");
            }
            approved = suggested;
        } else {
            approved = number(task, DibaoVariables.APPROVED_AMOUNT, "核定月保障金");
            if (approved.signum() <= 0) {
                throw refused("核定月保障金应大于 0");
            }
            reason = text(task, "amountChangeReason", "调整理由", MAX_REASON);
        }
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
        records.recordDecision(applicationId, task.getName(), decision, approved, reason, actor(task),
                snapshot(applicationId));
    }

    public void countyFiling(DelegateTask task) {
        String decision = choice(task, "countyDecision", "县级意见", Set.of("file", "sendBack", "reject"));
        String opinion = optionalText(task, "countyOpinion", "意见说明", 1000);
        if ("sendBack".equals(decision) && opinion == null) {
            throw refused("退回乡镇重新审批时，请在“意见说明”中写明退回理由");
        }
        String rejection = rejectionIf(task, "reject".equals(decision));
        boolean confirmation = Boolean.TRUE.equals(task.getVariable(DibaoVariables.REQUIRES_CONFIRMATION));
        String recorded = "file".equals(decision) ? (confirmation ? "confirmed" : "filed") : decision;
        Object amount = task.getVariable(DibaoVariables.APPROVED_AMOUNT);
        records.recordDecision(applicationId(task), task.getName(), recorded,
                amount instanceof Number n ? new BigDecimal(n.toString()) : null,
                rejection != null ? rejection : opinion, actor(task), snapshot(applicationId(task)));
    }

    /** When refusing: the reason is required; stage and reason go to the written notice. */
    private String rejectionIf(DelegateTask task, boolean refusing) {
        if (!refusing) {
            return null;
        }
        String reason = text(task, DibaoVariables.REJECTION_REASON, "理由", MAX_REASON);
        task.setVariable(DibaoVariables.REJECTION_STAGE, task.getName());
        return reason;
    }

    private void record(DelegateTask task, String decision, BigDecimal amount, String reason, boolean withSnapshot) {
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

    private static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }

    private static String choice(DelegateTask task, String name, String label, Set<String> allowed) {
        Object value = task.getVariable(name);
        if (!(value instanceof String s) || !allowed.contains(s)) {
            throw refused("请选择“" + label + "”");
        }
        return s;
    }

    private static String text(DelegateTask task, String name, String label, int maxLength) {
        String value = optionalText(task, name, label, maxLength);
        if (value == null) {
            throw refused("请填写“" + label + "”");
        }
        return value;
    }

    private static String optionalText(DelegateTask task, String name, String label, int maxLength) {
        Object value = task.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > maxLength) {
            throw refused("“" + label + "”不能超过 " + maxLength + " 个字");
        }
        return text;
    }

    private static BigDecimal number(DelegateTask task, String name, String label) {
        Object value = task.getVariable(name);
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s && s.strip().matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(s.strip());
        }
        throw refused("请填写“" + label + "”（数字）");
    }

    private static BadUserRequestException refused(String message) {
        return new BadUserRequestException(message);
    }
}
