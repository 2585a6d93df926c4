package org.jiuzhu.emergency.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.ApplicationStatus;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyArchive.Outcome;
import org.springframework.stereotype.Component;

/** On each end of a same-day case: how it ended, in the emergency archive. */
@Component("closeEmergencyCase")
public class CloseEmergencyCaseListener implements ExecutionListener {

    private static final Map<String, Outcome> BY_END_EVENT = Map.of(
            "EndEvent_Rejected", Outcome.REJECTED,
            "EndEvent_FundsRecovered", Outcome.RECOVERY,
            "EndEvent_AssistanceStopped", Outcome.STOPPED);

    private final ApplicationRepository applications;
    private final EmergencyArchive archive;

    public CloseEmergencyCaseListener(ApplicationRepository applications, EmergencyArchive archive) {
        this.applications = applications;
        this.archive = archive;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long applicationId = (Long) execution.getVariable(DibaoVariables.APPLICATION_ID);
        Outcome outcome = BY_END_EVENT.get(execution.getCurrentActivityId());
        if (outcome == null) {
            // The regular procedure decided.
            outcome = applications.get(applicationId).status() == ApplicationStatus.APPROVED
                    ? Outcome.ENROLLED : Outcome.NOT_ENROLLED;
        }
        archive.outcome(applicationId, outcome);
    }
}
