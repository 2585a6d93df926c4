package org.jiuzhu.emergency.process;

import org.jiuzhu.casework.Refusals;
import org.jiuzhu.engine.TaskActors;

import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.verification.EconomicVerificationRepository;
import org.jiuzhu.verification.VerificationSummary;
import org.springframework.stereotype.Component;

/**
 * 核查个人承诺与资格 (补办手续): compares what the applicant pledged with what the verification found
 * (decision table emergencyPledgeCheck says how far apart is untrue) and assesses dibao eligibility on
 * the verified data. A false pledge or an ineligible household ends the assistance with the reason
 * for the written notice; an honest, eligible one goes on to the regular procedure.
 */
@Component("checkPledge")
public class CheckPledgeDelegate implements JavaDelegate {

    static final String STAGE = "补办手续";

    private final ApplicationRepository applications;
    private final EconomicVerificationRepository verifications;
    private final EligibilityAssessment assessment;
    private final DecisionService decisions;
    private final EmergencyArchive archive;

    public CheckPledgeDelegate(ApplicationRepository applications, EconomicVerificationRepository verifications,
                               EligibilityAssessment assessment, DecisionService decisions, EmergencyArchive archive) {
        this.applications = applications;
        this.verifications = verifications;
        this.assessment = assessment;
        this.decisions = decisions;
        this.archive = archive;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        DibaoApplication application = applications.get(applicationId);
        VerificationSummary verified = verifications.find(applicationId).orElseThrow(() -> new IllegalStateException(
                "Application " + applicationId + " reached the pledge check without a verification"));
        archive.catchUpStarted(applicationId);

        DmnDecisionResultEntries pledge = decisions.evaluateDecisionByKey("emergencyPledgeCheck")
                .variables(Variables.createVariables()
                        .putValue("undeclaredIncome", positive(verified.monthlyIncome().subtract(application.countedMonthlyIncome())))
                        .putValue("undeclaredDeposits", positive(verified.deposits().subtract(application.depositAmount())))
                        .putValue("undeclaredVehicles", Math.max(0, verified.vehicleCount() - application.vehicleCount()))
                        .putValue("undeclaredRealEstate", Math.max(0, verified.realEstateCount() - application.housingCount()))
                        .putValue("businessCount", verified.businessCount()))
                .evaluate().getSingleResult();
        boolean truthful = Boolean.TRUE.equals(pledge.getEntry("truthful"));
        String findings = pledge.getEntry("finding");

        EligibilityAssessment.Assessment result = assessment.assess(application, verified, null);
        assessment.store(applicationId, result);

        execution.setVariable(EmergencyVariables.PLEDGE_TRUTHFUL, truthful);
        execution.setVariable(EmergencyVariables.PLEDGE_FINDINGS, findings);
        execution.setVariable(DibaoVariables.ELIGIBLE, result.eligible());
        execution.setVariable(DibaoVariables.ELIGIBILITY_REASON, result.reason());
        if (!truthful) {
            execution.setVariable(Refusals.STAGE, STAGE);
            execution.setVariable(Refusals.REASON, "个人承诺与家庭经济状况核对结果不符（" + findings
                    + "），停止救助，已发放的急难救助金依法追回");
        } else if (!result.eligible()) {
            execution.setVariable(Refusals.STAGE, STAGE);
            execution.setVariable(Refusals.REASON, "经核对家庭经济状况，不符合最低生活保障条件（"
                    + result.reason() + "），急难救助到期停止");
        } else {
            archive.outcome(applicationId, EmergencyArchive.Outcome.HANDED_OVER);
        }
    }

    private static double positive(BigDecimal value) {
        return value.max(BigDecimal.ZERO).doubleValue();
    }
}
