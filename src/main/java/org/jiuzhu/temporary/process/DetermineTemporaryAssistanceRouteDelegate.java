package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.temporary.ApprovalRouting;
import org.springframework.stereotype.Component;

/** 确定审批权限 for cases started on models deployed before 2026-12-07; remove once no such case runs. */
@Component("determineTemporaryAssistanceRoute")
public class DetermineTemporaryAssistanceRouteDelegate implements JavaDelegate {

    private final SumYearlyAssistanceListener sumYearlyAssistance;
    private final ApprovalRouting routing;
    private final RecordTemporaryAssistanceRouteListener recordRoute;

    public DetermineTemporaryAssistanceRouteDelegate(SumYearlyAssistanceListener sumYearlyAssistance,
                                                     ApprovalRouting routing,
                                                     RecordTemporaryAssistanceRouteListener recordRoute) {
        this.sumYearlyAssistance = sumYearlyAssistance;
        this.routing = routing;
        this.recordRoute = recordRoute;
    }

    /** What the business rule task, its start listener and the listener on its outgoing flow do, in one step. */
    @Override
    public void execute(DelegateExecution execution) {
        sumYearlyAssistance.notify(execution);
        ApprovalRouting.Decision decision = routing.route(
                new BigDecimal(execution.getVariable(PROPOSED_AMOUNT).toString()),
                BigDecimal.valueOf(((Number) execution.getVariable(YEARLY_TOTAL_BEFORE)).doubleValue()));
        execution.setVariable(APPROVAL_ROUTE, decision.route().name());
        execution.setVariable(ROUTE_REASON, decision.reason());
        recordRoute.notify(execution);
    }
}
