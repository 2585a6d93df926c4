package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.jiuzhu.temporary.TemporaryAssistancePayments;
import org.springframework.stereotype.Component;

/**
 * 登记救助金发放: the approved total less the 先行救助 already paid goes into the ledger, in the name
 * of the official who approved it. Idempotent: the case is paid at most once however often the job runs.
 */
@Component("recordTemporaryAssistancePayment")
public class RecordTemporaryAssistancePaymentDelegate implements JavaDelegate {

    private final TemporaryAssistanceCases cases;
    private final TemporaryAssistancePayments payments;

    public RecordTemporaryAssistancePaymentDelegate(TemporaryAssistanceCases cases, TemporaryAssistancePayments payments) {
        this.cases = cases;
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TemporaryAssistanceCase c = cases.get((Long) execution.getVariable(CASE_ID));
        BigDecimal approved = new BigDecimal(execution.getVariable(APPROVED_AMOUNT).toString());
        List<TemporaryAssistanceCases.Decision> decisions = cases.decisions(c.id());
        String approvedBy = decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).decidedBy();
        payments.payRemainder(c, approved, approvedBy);
    }
}
