package org.jiuzhu.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.casework.AssistanceStandards;
import org.jiuzhu.casework.HouseholdType;
import org.springframework.stereotype.Service;

/**
 * 急难救助金: the decision table emergencyGrant gives, by county and kind of emergency, how many months of
 * the local urban dibao standard a same-day household gets at once; this class only multiplies:
 * standard × months × household size.
 */
@Service
public class EmergencyGrant {

    static final String DECISION = "emergencyGrant";

    public record Grant(BigDecimal monthlyStandard, int months, int householdSize, BigDecimal amount) {
    }

    private final DecisionService decisions;
    private final AssistanceStandards standards;

    public EmergencyGrant(DecisionService decisions, AssistanceStandards standards) {
        this.decisions = decisions;
        this.standards = standards;
    }

    public Grant of(String countyCode, EmergencyReason reason, int householdSize, int year) {
        BigDecimal standard = standards.monthlyStandard(countyCode, HouseholdType.URBAN, year);
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("countyCode", countyCode)
                        .putValue("reason", reason.name()))
                .evaluate();
        if (result.isEmpty()) {
            // A configuration gap (the default row was removed): refused with a message that names it.
            throw new IllegalStateException("决策表 " + DECISION + " 中没有 " + countyCode + "“" + reason.label()
                    + "”的急难救助月数，请管理员补充后重试");
        }
        int months = ((Number) result.getSingleResult().getEntry("standardMonths")).intValue();
        BigDecimal amount = standard.multiply(BigDecimal.valueOf((long) months * householdSize))
                .setScale(2, RoundingMode.HALF_UP);
        return new Grant(standard, months, householdSize, amount);
    }
}
