package org.jiuzhu.emergency.process;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.jiuzhu.emergency.EmergencyVariables;
import org.springframework.stereotype.Component;

/** 核查个人承诺与资格 for cases started on models deployed before 2026-12-07; remove once no such case runs. */
@Component("checkPledge")
public class CheckPledgeDelegate implements JavaDelegate {

    private static final String DECISION = "emergencyPledgeCheck";

    private final ComparePledgeListener comparePledge;
    private final DecisionService decisions;
    private final AssessCatchUpEligibilityDelegate assessCatchUpEligibility;

    public CheckPledgeDelegate(ComparePledgeListener comparePledge, DecisionService decisions,
                               AssessCatchUpEligibilityDelegate assessCatchUpEligibility) {
        this.comparePledge = comparePledge;
        this.decisions = decisions;
        this.assessCatchUpEligibility = assessCatchUpEligibility;
    }

    /**
     * What 核查个人承诺 (its start listener, table and output mapping) and 认定低保资格 do, in one step; the
     * table's inputs are not kept as variables, as the earlier step did not keep them.
     */
    @Override
    public void execute(DelegateExecution execution) {
        DmnDecisionResultEntries pledge = decisions.evaluateDecisionByKey(DECISION)
                .variables(comparePledge.undeclared(execution)).evaluate().getSingleResult();
        execution.setVariable(EmergencyVariables.PLEDGE_TRUTHFUL, Boolean.TRUE.equals(pledge.getEntry("truthful")));
        execution.setVariable(EmergencyVariables.PLEDGE_FINDINGS, pledge.getEntry("finding"));
        assessCatchUpEligibility.execute(execution);
    }
}
