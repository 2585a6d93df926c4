package org.jiuzhu.casework;

import java.math.BigDecimal;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The local dibao standard (decision table dibaoStandard, per county, urban/rural and year): what dibao
 * tops up to, and the measure of every other assistance (temporary assistance, the emergency grant).
 */
@Service
public class AssistanceStandards {

    private final DecisionService decisions;

    public AssistanceStandards(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The monthly dibao standard per person. */
    public BigDecimal monthlyStandard(String countyCode, HouseholdType householdType, int year) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("dibaoStandard")
                .variables(Variables.createVariables()
                        .putValue("countyCode", countyCode)
                        .putValue("householdType", householdType.name())
                        .putValue("year", year))
                .evaluate();
        if (result.isEmpty()) {
            // A configuration gap, not the applicant's fault: the job fails into an incident that names it.
            throw new IllegalStateException("决策表 dibaoStandard 中没有 " + countyCode + " "
                    + householdType.label() + " " + year + " 年的低保标准，请管理员补充后重试");
        }
        return BigDecimal.valueOf(((Number) result.getSingleResult().getEntry("monthlyStandard")).doubleValue());
    }
}
