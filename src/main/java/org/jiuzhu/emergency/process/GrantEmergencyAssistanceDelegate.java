package org.jiuzhu.emergency.process;

import java.math.BigDecimal;
import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.ledger.PaymentLedger;
import org.springframework.stereotype.Component;

/**
 * 发放急难救助金: on the township's approval the household gets the temporary assistance set at
 * registration (months of the urban dibao standard) at once — a payment in the ledger and a message to the
 * applicant. The payment key makes a retried job pay nothing more.
 */
@Component("grantEmergencyAssistance")
public class GrantEmergencyAssistanceDelegate implements JavaDelegate {

    static final String MESSAGE_KIND = "EMERGENCY_GRANTED";

    private final ApplicationRepository applications;
    private final PaymentLedger ledger;
    private final EmergencyArchive archive;
    private final CaseRecords records;
    private final Clock clock;

    public GrantEmergencyAssistanceDelegate(ApplicationRepository applications, PaymentLedger ledger,
                                            EmergencyArchive archive, CaseRecords records, Clock clock) {
        this.applications = applications;
        this.ledger = ledger;
        this.archive = archive;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DibaoApplication application = applications.get((Long) execution.getVariable(DibaoVariables.APPLICATION_ID));
        BigDecimal amount = new BigDecimal(execution.getVariable(EmergencyVariables.EMERGENCY_AMOUNT).toString())
                .setScale(2, java.math.RoundingMode.HALF_UP);
        // Cases registered before the months came from the decision table carry no months: then none are named.
        Object months = execution.getVariable(EmergencyVariables.EMERGENCY_MONTHS);
        String period = months == null ? "" : " " + months + " 个月";
        ledger.record(new PaymentLedger.Payment(paymentKey(application), application.applicationNo(),
                PaymentLedger.Kind.EMERGENCY_SAME_DAY, application.applicantIdNumber(), application.applicantName(),
                application.villageCode(), application.townshipCode(), application.countyCode(), amount,
                "急难救助当日审批：按城市低保标准给予" + period + "临时救助（" + application.householdSize() + " 人）", null),
                clock.instant());
        archive.granted(application.id(), amount);
        records.queueMessage(application.id(), MESSAGE_KIND, application.applicantPhone(),
                "您的急难救助申请（编号 %s）已当日审批，先行给予%s临时救助 %s 元。紧急状态结束后将核对家庭经济状况、补办低保审核手续。"
                        .formatted(application.applicationNo(), period, amount.toPlainString()));
    }

    static String paymentKey(DibaoApplication application) {
        return application.applicationNo() + "-" + PaymentLedger.Kind.EMERGENCY_SAME_DAY.name();
    }
}
