package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.ledger.PaymentLedger.Kind;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.jiuzhu.temporary.TemporaryAssistancePayments;
import org.jiuzhu.temporary.Yuan;
import org.springframework.stereotype.Component;

/** 告知审批结果: the written decision on the case (status 已批准) and a message to the applicant, each once. */
@Component("notifyTemporaryAssistanceDecision")
public class NotifyTemporaryAssistanceDecisionDelegate implements JavaDelegate {

    static final String MESSAGE_KIND = "TEMPORARY_APPROVED";

    private final TemporaryAssistanceCases cases;
    private final TemporaryAssistancePayments payments;
    private final CaseRecords records;

    public NotifyTemporaryAssistanceDecisionDelegate(TemporaryAssistanceCases cases, TemporaryAssistancePayments payments,
                                  CaseRecords records) {
        this.cases = cases;
        this.payments = payments;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TemporaryAssistanceCase c = cases.get((Long) execution.getVariable(CASE_ID));
        BigDecimal approved = new BigDecimal(execution.getVariable(APPROVED_AMOUNT).toString());
        BigDecimal aidFirst = payments.aidFirstPaid(c.caseNo());
        String content = "您的临时救助申请（编号 %s）已批准，救助金额 %s 元".formatted(c.caseNo(), Yuan.format(approved))
                + (aidFirst.signum() > 0 ? "，其中先行救助 %s 元已发放，此次发放 %s 元".formatted(Yuan.format(aidFirst),
                        Yuan.format(payments.paid(c.caseNo(), Kind.TEMPORARY_ASSISTANCE))) : "")
                + "。";
        cases.decide(c.id(), TemporaryAssistanceCase.Status.APPROVED, approved, content);
        records.queueCaseMessage(c.caseNo(), MESSAGE_KIND, c.applicantPhone(), content);
    }
}
