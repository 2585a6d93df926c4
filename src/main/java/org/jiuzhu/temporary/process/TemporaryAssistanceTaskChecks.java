package org.jiuzhu.temporary.process;

import org.jiuzhu.casework.Refusals;
import org.jiuzhu.engine.TaskActors;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiuzhu.system.forms.SubmittedForm;
import org.jiuzhu.system.forms.TaskFormRules;
import org.jiuzhu.temporary.ApprovalRouting;
import org.jiuzhu.temporary.ApprovalRouting.Route;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.jiuzhu.temporary.TemporaryAssistancePayments;
import org.jiuzhu.temporary.TemporaryAssistanceSettings;
import org.jiuzhu.temporary.Yuan;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the 临时救助 task forms (on completion, in the model as
 * {@code ${temporaryAssistanceTaskChecks.onComplete(task)}}, and before that on REST submission through
 * the engine request guard (org.jiuzhu.system.web)), and the record of each decision. A form that
 * breaks a rule is refused with a Chinese message and nothing changes. 先行救助 is paid (ledger) when
 * its task completes; a refusal records the task's name as the stage named in the written notice.
 */
@Component("temporaryAssistanceTaskChecks")
public class TemporaryAssistanceTaskChecks implements TaskFormRules {

    static final String AID_FIRST = "Task_AidFirst";
    static final String TOWNSHIP_REVIEW = "Task_TownshipReview";
    static final String TOWNSHIP_APPROVAL = "Task_TownshipApproval";
    static final String COUNTY_APPROVAL = "Task_CountyApproval";
    static final String DELIBERATION = "Task_CaseByCaseDeliberation";

    private static final int MAX_REASON = 500;

    private final TemporaryAssistanceCases cases;
    private final TemporaryAssistancePayments payments;
    private final ApprovalRouting routing;
    private final TemporaryAssistanceSettings settings;
    private final Clock clock;

    public TemporaryAssistanceTaskChecks(TemporaryAssistanceCases cases, TemporaryAssistancePayments payments,
                                         ApprovalRouting routing, TemporaryAssistanceSettings settings, Clock clock) {
        this.cases = cases;
        this.payments = payments;
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public boolean appliesTo(String processDefinitionKey) {
        return PROCESS_KEY.equals(processDefinitionKey);
    }

    /** Checks a submitted form without a task at hand (the REST pre-check): throws on a broken rule. */
    @Override
    public void validate(String taskKey, Function<String, Object> variables) {
        SubmittedForm form = new SubmittedForm(variables);
        switch (taskKey) {
            case AID_FIRST -> aidFirstAmount(form);
            case TOWNSHIP_REVIEW -> proposedAmount(form);
            case TOWNSHIP_APPROVAL -> approvedAmount(form, Route.TOWNSHIP);
            case COUNTY_APPROVAL -> approvedAmount(form, Route.COUNTY);
            case DELIBERATION -> deliberatedAmount(form);
            default -> {
                // Not a 临时救助 task form.
            }
        }
    }

    /** On completion (in the model: {@code ${temporaryAssistanceTaskChecks.onComplete(task)}}): check, then record. */
    public void onComplete(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        validate(key, task::getVariable);
        SubmittedForm form = new SubmittedForm(task::getVariable);
        TemporaryAssistanceCase c = cases.get((Long) task.getVariable(CASE_ID));
        switch (key) {
            case AID_FIRST -> recordAidFirst(task, form, c);
            case TOWNSHIP_REVIEW -> {
                BigDecimal proposed = proposedAmount(form);
                String findings = form.text(REVIEW_FINDINGS, "审核情况", 2000);
                record(task, c, proposed == null ? "reject" : "propose", proposed,
                        proposed == null ? refusal(task, form) + "（审核情况：" + findings + "）" : findings);
            }
            case TOWNSHIP_APPROVAL, COUNTY_APPROVAL -> recordApproval(task, form, c,
                    approvedAmount(form, TOWNSHIP_APPROVAL.equals(key) ? Route.TOWNSHIP : Route.COUNTY));
            case DELIBERATION -> recordDeliberation(task, form, c);
            default -> throw new IllegalStateException("No checks for task " + key);
        }
    }

    /** The amount granted at once; null when the township decides against 先行救助. */
    private BigDecimal aidFirstAmount(SubmittedForm form) {
        String decision = form.choice(AID_FIRST_DECISION, "是否先行救助", Set.of("grant", "skip"));
        form.text(AID_FIRST_REASON, "情况说明", 200);
        if ("skip".equals(decision)) {
            return null;
        }
        BigDecimal amount = form.number(AID_FIRST_AMOUNT, "先行救助金额");
        if (amount.signum() <= 0) {
            throw refused("先行救助金额应大于 0");
        }
        if (amount.compareTo(settings.getAidFirstMax()) > 0) {
            throw refused("先行救助金额不能超过 " + Yuan.format(settings.getAidFirstMax()) + " 元，其余部分请在审核审批后发放");
        }
        return amount;
    }

    /** The case's total the township proposes; null when it refuses. */
    private BigDecimal proposedAmount(SubmittedForm form) {
        form.text(REVIEW_FINDINGS, "审核情况", 2000);
        if ("reject".equals(form.choice(REVIEW_DECISION, "审核意见", Set.of("propose", "reject")))) {
            reasonOf(form);
            return null;
        }
        BigDecimal proposed = form.number(PROPOSED_AMOUNT, "拟救助金额");
        requireCaseTotal(form, proposed, "拟救助金额");
        return proposed;
    }

    /** The total approved by a township or the county; null when refused. The amount must be within its authority. */
    private BigDecimal approvedAmount(SubmittedForm form, Route authority) {
        String decision = form.choice(APPROVAL_DECISION, "审批意见", Set.of("approve", "changeAmount", "reject"));
        form.optionalText(APPROVAL_OPINION, "审批意见说明", 1000);
        if ("reject".equals(decision)) {
            reasonOf(form);
            return null;
        }
        BigDecimal proposed = form.number(PROPOSED_AMOUNT, "拟救助金额");
        if ("approve".equals(decision)) {
            return proposed;
        }
        BigDecimal approved = form.number(APPROVED_AMOUNT, "核定救助金额");
        requireCaseTotal(form, approved, "核定救助金额");
        form.text(AMOUNT_CHANGE_REASON, "调整理由", MAX_REASON);
        ApprovalRouting.Decision needed = routing.route(approved,
                form.number(YEARLY_TOTAL_BEFORE, "家庭本年此前已获救助"));
        if (!authority.covers(needed.route())) {
            throw refused("调整后的金额须由“" + needed.route().label() + "”决定（" + needed.reason() + "），超出"
                    + authority.label() + "权限。请按拟救助金额批准，或不予批准并说明理由");
        }
        return approved;
    }

    /** The total the deliberation decided; null when refused. */
    private BigDecimal deliberatedAmount(SubmittedForm form) {
        meetingDate(form);
        String participants = form.text(PARTICIPANTS, "参会人员", 500);
        if (participants.split("、").length < 2) {
            throw refused("一事一议须集体研究决定，请填写全部参会人员（至少两人），用顿号“、”分隔");
        }
        form.text(MEETING_DECISION, "会议决定", 2000);
        if ("reject".equals(form.choice(APPROVAL_DECISION, "审议结果", Set.of("approve", "reject")))) {
            reasonOf(form);
            return null;
        }
        BigDecimal approved = form.number(APPROVED_AMOUNT, "核定救助金额");
        requireCaseTotal(form, approved, "核定救助金额");
        return approved;
    }

    /** The day of the meeting: not in the future, not before the case was registered (in the configured zone). */
    private LocalDate meetingDate(SubmittedForm form) {
        LocalDate applied = form.value(CASE_ID) instanceof Number caseId
                ? LocalDate.ofInstant(cases.get(caseId.longValue()).submittedAt(), clock.getZone()) : null;
        return form.pastDate(MEETING_DATE, "会议日期", LocalDate.now(clock), applied, "申请登记日期");
    }

    /** An amount for the whole case: positive and not below the 先行救助 it already paid. */
    private void requireCaseTotal(SubmittedForm form, BigDecimal amount, String label) {
        if (amount.signum() <= 0) {
            throw refused(label + "应大于 0");
        }
        if (form.value(CASE_ID) instanceof Number caseId) {
            BigDecimal aidFirst = payments.aidFirstPaid(cases.get(caseId.longValue()).caseNo());
            if (amount.compareTo(aidFirst) < 0) {
                throw refused(label + "是本案合计金额（含已发放的先行救助 " + Yuan.format(aidFirst) + " 元），不能低于先行救助金额");
            }
        }
    }

    private void recordAidFirst(DelegateTask task, SubmittedForm form, TemporaryAssistanceCase c) {
        BigDecimal amount = aidFirstAmount(form);
        String reason = form.text(AID_FIRST_REASON, "情况说明", 200);
        if (amount != null) {
            payments.payAidFirst(c, amount, reason, actor(task));
        }
        task.setVariable(AID_FIRST_AMOUNT, amount == null ? 0.0 : amount.doubleValue());
        record(task, c, amount == null ? "skip" : "grant", amount, reason);
    }

    private void recordApproval(DelegateTask task, SubmittedForm form, TemporaryAssistanceCase c, BigDecimal approved) {
        String decision = (String) form.value(APPROVAL_DECISION);
        String opinion = form.optionalText(APPROVAL_OPINION, "审批意见说明", 1000);
        if (approved == null) {
            record(task, c, decision, null, refusal(task, form));
            return;
        }
        task.setVariable(APPROVED_AMOUNT, approved.doubleValue());
        String change = "changeAmount".equals(decision)
                ? "调整理由：" + form.text(AMOUNT_CHANGE_REASON, "调整理由", MAX_REASON) : null;
        record(task, c, decision, approved, join(change, opinion));
    }

    private void recordDeliberation(DelegateTask task, SubmittedForm form, TemporaryAssistanceCase c) {
        BigDecimal approved = deliberatedAmount(form);
        String minutes = "会议日期：" + meetingDate(form) + "；参会人员："
                + form.text(PARTICIPANTS, "参会人员", 500) + "；会议决定：" + form.text(MEETING_DECISION, "会议决定", 2000);
        if (approved == null) {
            record(task, c, "reject", null, refusal(task, form) + "（" + minutes + "）");
            return;
        }
        task.setVariable(APPROVED_AMOUNT, approved.doubleValue());
        record(task, c, "approve", approved, minutes);
    }

    /** Refusing: the stage (the task's name) and the reason go to the written notice. */
    private static String refusal(DelegateTask task, SubmittedForm form) {
        task.setVariable(REJECTION_STAGE, task.getName());
        return reasonOf(form);
    }

    private void record(DelegateTask task, TemporaryAssistanceCase c, String decision, BigDecimal amount, String details) {
        cases.recordDecision(c.id(), task.getName(), decision, amount, details, actor(task));
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "；" + second;
    }

    private static String actor(DelegateTask task) {
        return TaskActors.actor(task);
    }

    private static BadUserRequestException refused(String message) {
        return SubmittedForm.refused(message);
    }

    /** The reason of a refusal, required. */
    private static String reasonOf(SubmittedForm form) {
        return form.text(REJECTION_REASON, "理由", MAX_REASON);
    }
}
