package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.jiuzhu.temporary.ApprovalRouting;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.springframework.stereotype.Component;

/**
 * At the start of 确定审批权限: what the household received this year in other cases, from the ledger
 * ({@code yearlyTotalBefore}), the one input of temporaryAssistanceRouting that is not already a variable.
 * A rerun sums the ledger as it is then.
 */
@Component("sumYearlyAssistance")
public class SumYearlyAssistanceListener implements ExecutionListener {

    private final TemporaryAssistanceCases cases;
    private final ApprovalRouting routing;

    public SumYearlyAssistanceListener(TemporaryAssistanceCases cases, ApprovalRouting routing) {
        this.cases = cases;
        this.routing = routing;
    }

    @Override
    public void notify(DelegateExecution execution) {
        TemporaryAssistanceCase c = cases.get((Long) execution.getVariable(CASE_ID));
        execution.setVariable(YEARLY_TOTAL_BEFORE, routing.yearlyTotalBefore(c.applicantIdNumber(), c.caseNo()).doubleValue());
    }
}
