package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiuzhu.casework.Refusals;
import org.jiuzhu.engine.TaskActors;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.PastDate;
import org.jiuzhu.system.forms.TaskFormHandlers;
import org.jiuzhu.temporary.ApprovalRouting;
import org.jiuzhu.temporary.ApprovalRouting.Route;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.jiuzhu.temporary.TemporaryAssistancePayments;
import org.jiuzhu.temporary.TemporaryAssistanceSettings;
import org.jiuzhu.temporary.forms.AidFirstForm;
import org.jiuzhu.temporary.forms.ApprovalForm;
import org.jiuzhu.temporary.forms.DeliberationForm;
import org.jiuzhu.temporary.forms.TownshipReviewForm;
import org.springframework.stereotype.Component;

/**
 * The 临时救助 task forms and the record of each decision, once the form is valid (see
 * {@link org.jiuzhu.system.forms.TaskFormListener}). 先行救助 is paid (ledger) when its task completes; a
 * refusal records the task's name as the stage named in the written notice.
 */
@Component
class TemporaryAssistanceTaskForms implements TaskFormHandlers {

    static final String COUNTY_APPROVAL = "Task_CountyApproval";

    private final TemporaryAssistanceCases cases;
    private final TemporaryAssistancePayments payments;
    private final ApprovalRouting routing;
    private final TemporaryAssistanceSettings settings;
    private final Clock clock;

    TemporaryAssistanceTaskForms(TemporaryAssistanceCases cases, TemporaryAssistancePayments payments,
                                 ApprovalRouting routing, TemporaryAssistanceSettings settings, Clock clock) {
        this.cases = cases;
        this.payments = payments;
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void register(Registry registry) {
        registry.on(AidFirstForm.class, task -> settings.getAidFirstMax(), this::recordAidFirst);
        registry.on(TownshipReviewForm.class, this::aidFirstPaid, this::recordReview);
        registry.on(ApprovalForm.class, this::approvalFacts, this::recordApproval);
        registry.on(DeliberationForm.class, task -> new DeliberationForm.Facts(new PastDate(LocalDate.now(clock),
                        LocalDate.ofInstant(caseOf(task).submittedAt(), clock.getZone()), "申请登记日期"),
                aidFirstPaid(task)), this::recordDeliberation);
    }

    private TemporaryAssistanceCase caseOf(DelegateTask task) {
        return cases.get((Long) task.getVariable(CASE_ID));
    }

    private BigDecimal aidFirstPaid(DelegateTask task) {
        return payments.aidFirstPaid(caseOf(task).caseNo());
    }

    /** The county approves what exceeds the township's authority; the township the rest. */
    private ApprovalForm.Facts approvalFacts(DelegateTask task) {
        Route authority = COUNTY_APPROVAL.equals(task.getTaskDefinitionKey()) ? Route.COUNTY : Route.TOWNSHIP;
        return new ApprovalForm.Facts(authority, FormBinding.number(task.getVariable(PROPOSED_AMOUNT)),
                aidFirstPaid(task), amount -> routing.route(amount, yearlyTotalBefore(task)));
    }

    private static BigDecimal yearlyTotalBefore(DelegateTask task) {
        BigDecimal total = FormBinding.number(task.getVariable(YEARLY_TOTAL_BEFORE));
        if (total == null) {
            throw FormBinding.refused("请填写“家庭本年此前已获救助”（数字）");
        }
        return total;
    }

    private void recordAidFirst(DelegateTask task, AidFirstForm form) {
        BigDecimal amount = form.granted();
        if (amount != null) {
            payments.payAidFirst(caseOf(task), amount, form.aidFirstReason(), TaskActors.actor(task));
        }
        task.setVariable(AID_FIRST_AMOUNT, amount == null ? 0.0 : amount.doubleValue());
        record(task, form.aidFirstDecision().value(), amount, form.aidFirstReason());
    }

    private void recordReview(DelegateTask task, TownshipReviewForm form) {
        String rejection = Refusals.reason(task, form);
        record(task, form.reviewDecision().value(), form.proposed(),
                rejection == null ? form.reviewFindings() : rejection + "（审核情况：" + form.reviewFindings() + "）");
    }

    private void recordApproval(DelegateTask task, ApprovalForm form) {
        String decision = form.approvalDecision().value();
        if (form.refusing()) {
            record(task, decision, null, Refusals.reason(task, form));
            return;
        }
        BigDecimal approved = form.approved(FormBinding.number(task.getVariable(PROPOSED_AMOUNT)));
        task.setVariable(APPROVED_AMOUNT, approved.doubleValue());
        String change = form.approvalDecision() == ApprovalForm.Decision.CHANGE_AMOUNT
                ? "调整理由：" + form.amountChangeReason() : null;
        record(task, decision, approved, join(change, form.approvalOpinion()));
    }

    private void recordDeliberation(DelegateTask task, DeliberationForm form) {
        if (form.refusing()) {
            record(task, form.approvalDecision().value(), null,
                    Refusals.reason(task, form) + "（" + form.minutes() + "）");
            return;
        }
        task.setVariable(APPROVED_AMOUNT, form.approvedAmount().doubleValue());
        record(task, form.approvalDecision().value(), form.approvedAmount(), form.minutes());
    }

    private void record(DelegateTask task, String decision, BigDecimal amount, String details) {
        cases.recordDecision(caseOf(task).id(), task.getName(), decision, amount, details, TaskActors.actor(task));
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "；" + second;
    }
}
