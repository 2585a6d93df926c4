package org.jiuzhu.emergency.process;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyGrant;
import org.jiuzhu.emergency.EmergencyPeriods;
import org.jiuzhu.emergency.EmergencySettings;
import org.jiuzhu.emergency.EmergencyVariables;
import org.springframework.stereotype.Component;

/**
 * 登记急难件: the application takes the same-day path only while an emergency covers its village.
 * Opens the case in the emergency archive with the personal pledge, and sets the assistance to grant
 * on approval: months of the urban dibao standard (decision table emergencyGrant) for every member. Runs
 * in the start transaction, so an application outside an emergency is refused at once (nothing stored).
 */
@Component("registerEmergencyCase")
public class RegisterEmergencyCaseDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final EmergencyPeriods periods;
    private final EmergencyArchive archive;
    private final EmergencySettings settings;
    private final EmergencyGrant grants;
    private final Clock clock;

    public RegisterEmergencyCaseDelegate(ApplicationRepository applications, EmergencyPeriods periods,
                                         EmergencyArchive archive, EmergencySettings settings,
                                         EmergencyGrant grants, Clock clock) {
        this.applications = applications;
        this.periods = periods;
        this.archive = archive;
        this.settings = settings;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DibaoApplication application = applications.get((Long) execution.getVariable(DibaoVariables.APPLICATION_ID));
        EmergencyPeriods.Period period = periods.activeFor(application.villageCode())
                .orElseThrow(() -> new BadUserRequestException(
                        "所在村（社区）当前不在紧急状态范围内，不能按急难救助当日审批办理，请按常规程序申请最低生活保障"));
        EmergencyGrant.Grant grant = grants.of(application.countyCode(), period.reason(), application.householdSize(),
                LocalDate.now(clock).getYear());
        archive.open(application.id(), period.id(), settings.getPledgeText(), application.villageCode(),
                application.townshipCode(), application.countyCode());
        execution.setVariable(EmergencyVariables.EMERGENCY_PERIOD_ID, period.id());
        execution.setVariable(EmergencyVariables.EMERGENCY_MONTHS, grant.months());
        execution.setVariable(EmergencyVariables.EMERGENCY_AMOUNT, grant.amount().doubleValue());
    }
}
