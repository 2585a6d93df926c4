package org.jiuzhu.emergency.process;

import org.jiuzhu.casework.Refusals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.dibao.EligibilityAssessment;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.verification.EconomicVerificationRepository;
import org.jiuzhu.verification.VerificationSummary;
import org.springframework.stereotype.Component;

/**
 * 认定低保资格 (补办手续), after the pledge check: assesses dibao eligibility on the verified data. A false
 * pledge or an ineligible household ends the assistance with the reason for the written notice; an
 * honest, eligible one goes on to the regular procedure.
 */
@Component("assessCatchUpEligibility")
public class AssessCatchUpEligibilityDelegate implements JavaDelegate {

    static final String STAGE = "补办手续";

    private final ApplicationRepository applications;
    private final EconomicVerificationRepository verifications;
    private final EligibilityAssessment assessment;
    private final EmergencyArchive archive;

    public AssessCatchUpEligibilityDelegate(ApplicationRepository applications,
                                            EconomicVerificationRepository verifications,
                                            EligibilityAssessment assessment, EmergencyArchive archive) {
        this.applications = applications;
        this.verifications = verifications;
        this.assessment = assessment;
        this.archive = archive;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        VerificationSummary verified = ComparePledgeListener.verificationOf(verifications, applicationId);
        archive.catchUpStarted(applicationId);

        EligibilityAssessment.Assessment result = assessment.assess(applications.get(applicationId), verified, null);
        assessment.store(applicationId, result);
        execution.setVariable(DibaoVariables.ELIGIBLE, result.eligible());
        execution.setVariable(DibaoVariables.ELIGIBILITY_REASON, result.reason());

        if (!Boolean.TRUE.equals(execution.getVariable(EmergencyVariables.PLEDGE_TRUTHFUL))) {
            execution.setVariable(Refusals.STAGE, STAGE);
            execution.setVariable(Refusals.REASON, "个人承诺与家庭经济状况核对结果不符（"
                    + execution.getVariable(EmergencyVariables.PLEDGE_FINDINGS) + "），停止救助，已发放的急难救助金依法追回");
        } else if (!result.eligible()) {
            execution.setVariable(Refusals.STAGE, STAGE);
            execution.setVariable(Refusals.REASON, "经核对家庭经济状况，不符合最低生活保障条件（"
                    + result.reason() + "），急难救助到期停止");
        } else {
            archive.outcome(applicationId, EmergencyArchive.Outcome.HANDED_OVER);
        }
    }
}
