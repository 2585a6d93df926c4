package org.jiuzhu.emergency.process;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.dibao.ApplicationRepository;
import org.jiuzhu.dibao.DibaoApplication;
import org.jiuzhu.dibao.DibaoVariables;
import org.jiuzhu.emergency.EmergencyArchive;
import org.jiuzhu.emergency.EmergencyVariables;
import org.jiuzhu.emergency.LiabilityRecords;
import org.jiuzhu.ledger.PaymentLedger;
import org.springframework.stereotype.Component;

/** 登记责任追究: a false pledge puts a liability record on the case for everything paid on it; once. */
@Component("recordLiability")
public class RecordLiabilityDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final PaymentLedger ledger;
    private final LiabilityRecords liabilities;
    private final EmergencyArchive archive;

    public RecordLiabilityDelegate(ApplicationRepository applications, PaymentLedger ledger,
                                   LiabilityRecords liabilities, EmergencyArchive archive) {
        this.applications = applications;
        this.ledger = ledger;
        this.liabilities = liabilities;
        this.archive = archive;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DibaoApplication application = applications.get((Long) execution.getVariable(DibaoVariables.APPLICATION_ID));
        BigDecimal paid = ledger.ofCase(application.applicationNo()).stream().map(PaymentLedger.Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        liabilities.record(application.applicationNo(), application.id(),
                "个人承诺不实：" + execution.getVariable(EmergencyVariables.PLEDGE_FINDINGS), paid);
        execution.setVariable(EmergencyVariables.AMOUNT_TO_RECOVER, paid.doubleValue());
        archive.outcome(application.id(), EmergencyArchive.Outcome.RECOVERY);
    }
}
