package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.temporary.ApprovalRouting;
import org.jiuzhu.temporary.TemporaryAssistanceCase;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.springframework.stereotype.Component;

/**
 * 确定审批权限: the household's total this year from the ledger (without this case's own payments),
 * then the decision table temporaryAssistanceRouting on the proposed amount → {@code approvalRoute}.
 * A rerun decides again on the ledger as it is then.
 */
@Component("determineTemporaryAssistanceRoute")
public class DetermineRouteDelegate implements JavaDelegate {

    private final TemporaryAssistanceCases cases;
    private final ApprovalRouting routing;

    public DetermineRouteDelegate(TemporaryAssistanceCases cases, ApprovalRouting routing) {
        this.cases = cases;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TemporaryAssistanceCase c = cases.get((Long) execution.getVariable(CASE_ID));
        BigDecimal proposed = new BigDecimal(execution.getVariable(PROPOSED_AMOUNT).toString());
        BigDecimal before = routing.yearlyTotalBefore(c.applicantIdNumber(), c.caseNo());
        ApprovalRouting.Decision decision = routing.route(proposed, before);
        cases.storeRoute(c.id(), decision.route().name());
        execution.setVariable(YEARLY_TOTAL_BEFORE, before.doubleValue());
        execution.setVariable(APPROVAL_ROUTE, decision.route().name());
        execution.setVariable(ROUTE_REASON, decision.reason());
    }
}
