package org.jiuzhu.emergency.process;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.verification.EconomicVerificationRepository;
import org.jiuzhu.verification.VerificationSummary;
import org.springframework.stereotype.Component;

/**
 * At the start of 核查个人承诺: how far the verification lies above what the applicant pledged, the inputs
 * of the decision table emergencyPledgeCheck, as variables local to the step (our tables keep both sides).
 */
@Component("comparePledge")
public class ComparePledgeListener implements ExecutionListener {

    private final ApplicationRepository applications;
    private final EconomicVerificationRepository verifications;

    public ComparePledgeListener(ApplicationRepository applications, EconomicVerificationRepository verifications) {
        this.applications = applications;
        this.verifications = verifications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariablesLocal(undeclared(execution));
    }

    /** The table's inputs for the case of {@code execution}. */
    VariableMap undeclared(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        DibaoApplication application = applications.get(applicationId);
        VerificationSummary verified = verificationOf(verifications, applicationId);
        return Variables.createVariables()
                .putValue("undeclaredIncome", positive(verified.monthlyIncome().subtract(application.countedMonthlyIncome())))
                .putValue("undeclaredDeposits", positive(verified.deposits().subtract(application.depositAmount())))
                .putValue("undeclaredVehicles", Math.max(0, verified.vehicleCount() - application.vehicleCount()))
                .putValue("undeclaredRealEstate", Math.max(0, verified.realEstateCount() - application.housingCount()))
                .putValue("businessCount", verified.businessCount());
    }

    static VerificationSummary verificationOf(EconomicVerificationRepository verifications, long applicationId) {
        return verifications.find(applicationId).orElseThrow(() -> new IllegalStateException(
                "Application " + applicationId + " reached the catch-up checks without a verification"));
    }

    private static double positive(BigDecimal value) {
        return value.max(BigDecimal.ZERO).doubleValue();
    }
}
