package org.jiuzhu.dibao.process;

import org.jiuzhu.dibao.DibaoVariables;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.HouseholdMember;
import org.jiuzhu.verification.EconomicVerificationRepository;
import org.jiuzhu.verification.VerificationService;
import org.jiuzhu.verification.VerificationSummary;
import org.springframework.stereotype.Component;

/**
 * 家庭经济状况核对: asks the verification service about every member and keeps the summary. The
 * task is asynchronous with retries: a failing service becomes a retried job, then an incident;
 * a re-run replaces the summary, so nothing is recorded twice.
 */
@Component("verifyEconomicStatus")
public class VerifyEconomicStatusDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final VerificationService verificationService;
    private final EconomicVerificationRepository verifications;
    private final Clock clock;

    public VerifyEconomicStatusDelegate(ApplicationRepository applications, VerificationService verificationService,
                                        EconomicVerificationRepository verifications, Clock clock) {
        this.applications = applications;
        this.verificationService = verificationService;
        this.verifications = verifications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        List<String> idNumbers = applications.get(applicationId).members().stream()
                .map(HouseholdMember::idNumber).toList();
        VerificationSummary summary = VerificationSummary.of(verificationService.recordsFor(idNumbers));
        verifications.save(applicationId, summary, clock.instant());
    }
}
