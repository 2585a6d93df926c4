package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.verification.EconomicVerificationRepository;
import org.jiuzhu.verification.VerificationSummary;
import org.springframework.stereotype.Component;

/** 资格认定与金额测算: the decision tables' suggestion, for the notice and the township's approval. */
@Component("assessEligibility")
public class AssessEligibilityDelegate implements JavaDelegate {

    /** Set by the home investigation form. */
    static final String INVESTIGATED_INCOME = "verifiedMonthlyIncome";

    private static final VerificationSummary NOTHING_VERIFIED =
            new VerificationSummary(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0);

    private final ApplicationRepository applications;
    private final EconomicVerificationRepository verifications;
    private final EligibilityAssessment assessment;

    public AssessEligibilityDelegate(ApplicationRepository applications, EconomicVerificationRepository verifications,
                                     EligibilityAssessment assessment) {
        this.applications = applications;
        this.verifications = verifications;
        this.assessment = assessment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        DibaoApplication application = applications.get(applicationId);
        Object investigated = execution.getVariable(INVESTIGATED_INCOME);
        EligibilityAssessment.Assessment result = assessment.assess(application,
                verifications.find(applicationId).orElse(NOTHING_VERIFIED),
                investigated instanceof Number n ? new BigDecimal(n.toString()) : null);
        assessment.store(applicationId, result);
        execution.setVariable(DibaoVariables.ELIGIBLE, result.eligible());
        execution.setVariable(DibaoVariables.ELIGIBILITY_REASON, result.reason());
        execution.setVariable(DibaoVariables.SUGGESTED_AMOUNT, result.suggestedAmount().doubleValue());
        execution.setVariable(DibaoVariables.PER_CAPITA_INCOME, result.perCapitaIncome().doubleValue());
        execution.setVariable(DibaoVariables.MONTHLY_STANDARD, result.monthlyStandard().doubleValue());
    }
}
