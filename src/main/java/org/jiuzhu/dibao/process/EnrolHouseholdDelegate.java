package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationStatus;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.DibaoSettings;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.dibao.RecipientRegistry;
import org.springframework.stereotype.Component;

/**
 * 纳入低保台账: enrols the household from the month {@code jiuzhu.dibao.benefit-start} names (by default
 * the month after the decision), with its next periodic review (yearly for stable households,
 * half-yearly otherwise). Idempotent: an application is enrolled at most once, however often the job runs.
 */
@Component("enrolHousehold")
public class EnrolHouseholdDelegate implements JavaDelegate {

    static final String CATEGORY = "DIBAO";

    private final ApplicationRepository applications;
    private final RecipientRegistry registry;
    private final EligibilityAssessment assessment;
    private final DibaoSettings settings;
    private final Clock clock;

    public EnrolHouseholdDelegate(ApplicationRepository applications, RecipientRegistry registry,
                                  EligibilityAssessment assessment, DibaoSettings settings, Clock clock) {
        this.applications = applications;
        this.registry = registry;
        this.assessment = assessment;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        if (registry.findByApplication(applicationId).isPresent()) {
            return;
        }
        DibaoApplication application = applications.get(applicationId);
        Number amount = (Number) execution.getVariable(DibaoVariables.APPROVED_AMOUNT);
        LocalDate today = LocalDate.now(clock);
        boolean stable = assessment.find(applicationId).map(EligibilityAssessment.Assessment::stableHousehold)
                .orElse(false);
        int reviewMonths = stable ? settings.getReviewMonthsStable() : settings.getReviewMonthsUnstable();
        var members = application.members().stream()
                .filter(m -> !application.singlePerson() || m.idNumber().equalsIgnoreCase(application.singlePersonIdNumber()))
                .map(m -> new RecipientRegistry.RegisteredPerson(m.name(), m.idNumber(), CATEGORY))
                .toList();
        registry.enrol(applicationId, CATEGORY, application.villageCode(), application.applicantName(),
                new BigDecimal(amount.toString()), settings.getBenefitStart().firstMonth(today), today.plusMonths(reviewMonths),
                members, clock.instant());
        applications.setStatus(applicationId, ApplicationStatus.APPROVED);
    }
}
