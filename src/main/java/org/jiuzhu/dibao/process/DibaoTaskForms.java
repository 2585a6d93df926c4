package org.jiuzhu.dibao.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.casework.ObjectionRepository;
import org.jiuzhu.casework.Refusals;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.DibaoSettings;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.dibao.forms.AcceptanceForm;
import org.jiuzhu.dibao.forms.CorrectMaterialsForm;
import org.jiuzhu.dibao.forms.CountyFilingForm;
import org.jiuzhu.dibao.forms.DemocraticEvaluationForm;
import org.jiuzhu.dibao.forms.HomeInvestigationForm;
import org.jiuzhu.dibao.forms.ObjectionCheckForm;
import org.jiuzhu.dibao.forms.TownshipApprovalForm;
import org.jiuzhu.engine.TaskActors;
import org.jiuzhu.system.forms.FormBinding;
import org.jiuzhu.system.forms.PastDate;
import org.jiuzhu.system.forms.TaskFormHandlers;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dibao task forms and the record of each decision on the case, once the form is valid (see
 * {@link org.jiuzhu.system.forms.TaskFormListener}). A refusal records the task's name as the stage named in
 * the written notice.
 */
@Component
class DibaoTaskForms implements TaskFormHandlers {

    private final ApplicationRepository applications;
    private final CaseRecords records;
    private final EligibilityAssessment assessment;
    private final ObjectionRepository objections;
    private final DibaoSettings settings;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    DibaoTaskForms(ApplicationRepository applications, CaseRecords records, EligibilityAssessment assessment,
                   ObjectionRepository objections, DibaoSettings settings, ObjectMapper objectMapper, Clock clock) {
        this.applications = applications;
        this.records = records;
        this.assessment = assessment;
        this.objections = objections;
        this.settings = settings;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Override
    public void register(Registry registry) {
        registry.on(CorrectMaterialsForm.class, (task, form) -> record(task,
                form.correctionDecision().value(), null, Refusals.reason(task, form), false));
        registry.on(AcceptanceForm.class, (task, form) -> record(task,
                form.acceptanceDecision().value(), null, Refusals.reason(task, form), false));
        registry.on(HomeInvestigationForm.class,
                task -> new HomeInvestigationForm.Facts(caseDates(task), settings.getInvestigatorsQuorum()),
                (task, form) -> record(task, "investigated", form.verifiedMonthlyIncome(), form.summary(), false));
        registry.on(DemocraticEvaluationForm.class, this::caseDates, this::recordEvaluation);
        registry.on(ObjectionCheckForm.class, this::recordObjectionCheck);
        registry.on(TownshipApprovalForm.class, DibaoTaskForms::suggestedAmount, this::recordTownshipApproval);
        registry.on(CountyFilingForm.class, this::recordCountyFiling);
    }

    /**
     * The window of a date of the case's work after acceptance: not after today, not before the day the
     * township accepted the application (the day it applied where the case skipped acceptance, as a same-day
     * emergency catching up its formalities does), both in the configured zone.
     */
    private PastDate caseDates(DelegateTask task) {
        LocalDate today = LocalDate.now(clock);
        if (!(task.getVariable(DibaoVariables.APPLICATION_ID) instanceof Number id)) {
            return new PastDate(today, null, null);
        }
        Optional<LocalDate> accepted = records.decisions(id.longValue()).stream()
                .filter(decision -> AcceptanceForm.Decision.ACCEPT.value().equals(decision.decision()))
                .map(decision -> LocalDate.ofInstant(decision.decidedAt(), clock.getZone()))
                .max(LocalDate::compareTo);
        if (accepted.isPresent()) {
            return new PastDate(today, accepted.get(), "受理日期");
        }
        return new PastDate(today, LocalDate.ofInstant(applications.get(id.longValue()).submittedAt(), clock.getZone()),
                "申请日期");
    }

    private static BigDecimal suggestedAmount(DelegateTask task) {
        return FormBinding.number(task.getVariable(DibaoVariables.SUGGESTED_AMOUNT));
    }

    private void recordEvaluation(DelegateTask task, DemocraticEvaluationForm form) {
        String rejection = Refusals.reason(task, form);
        record(task, form.evaluationResult().value(), null,
                rejection == null ? form.summary() : rejection + "（" + form.summary() + "）", false);
    }

    private void recordObjectionCheck(DelegateTask task, ObjectionCheckForm form) {
        String outcome = form.objectionOutcome().value();
        if (task.getVariable(DibaoVariables.OBJECTION_ID) instanceof Number id) {
            objections.recordOutcome(id.longValue(), outcome, form.checkFindings());
        }
        String rejection = Refusals.reason(task, form);
        record(task, outcome, null, rejection == null ? form.checkFindings() : rejection, false);
    }

    private void recordTownshipApproval(DelegateTask task, TownshipApprovalForm form) {
        String decision = form.approvalDecision().value();
        if (form.refusing()) {
            record(task, decision, null, Refusals.reason(task, form), true);
            return;
        }
        BigDecimal suggested = suggestedAmount(task);
        BigDecimal approved = form.approved(suggested);
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
        record(task, decision, approved,
                form.approvalDecision() == TownshipApprovalForm.Decision.CHANGE_AMOUNT ? form.amountChangeReason() : null,
                true);
    }

    private void recordCountyFiling(DelegateTask task, CountyFilingForm form) {
        String rejection = Refusals.reason(task, form);
        boolean confirmation = Boolean.TRUE.equals(task.getVariable(DibaoVariables.REQUIRES_CONFIRMATION));
        String recorded = form.countyDecision() == CountyFilingForm.Decision.FILE
                ? (confirmation ? "confirmed" : "filed") : form.countyDecision().value();
        Object amount = task.getVariable(DibaoVariables.APPROVED_AMOUNT);
        record(task, recorded, amount instanceof Number n ? new BigDecimal(n.toString()) : null,
                rejection != null ? rejection : form.countyOpinion(), true);
    }

    /** Records the decision taken in a task on the case (with the household snapshot where it decides). */
    private void record(DelegateTask task, String decision, BigDecimal amount, String reason, boolean withSnapshot) {
        long applicationId = (Long) task.getVariable(DibaoVariables.APPLICATION_ID);
        records.recordDecision(applicationId, task.getName(), decision, amount, reason, TaskActors.actor(task),
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
}
