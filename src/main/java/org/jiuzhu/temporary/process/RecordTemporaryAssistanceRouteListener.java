package org.jiuzhu.temporary.process;

import static org.jiuzhu.temporary.process.TemporaryAssistanceVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.jiuzhu.temporary.TemporaryAssistanceCases;
import org.springframework.stereotype.Component;

/**
 * On the flow out of 确定审批权限 (where its output mapping has run, unlike at its end event): the route the
 * decision table gave goes on the case. A table an administrator edited so that no rule matches fails the
 * job into an incident that says so.
 */
@Component("recordTemporaryAssistanceRoute")
public class RecordTemporaryAssistanceRouteListener implements ExecutionListener {

    private final TemporaryAssistanceCases cases;

    public RecordTemporaryAssistanceRouteListener(TemporaryAssistanceCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object route = execution.getVariable(APPROVAL_ROUTE);
        if (route == null) {
            throw new IllegalStateException("决策表 temporaryAssistanceRouting 没有给出审批权限（拟救助金额 "
                    + execution.getVariable(PROPOSED_AMOUNT) + " 元，本年此前累计 " + execution.getVariable(YEARLY_TOTAL_BEFORE)
                    + " 元），请管理员检查后重试");
        }
        cases.storeRoute((Long) execution.getVariable(CASE_ID), route.toString());
    }
}
