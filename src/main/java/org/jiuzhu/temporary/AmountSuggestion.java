package org.jiuzhu.temporary;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.casework.AssistanceStandards;
import org.jiuzhu.casework.HouseholdType;
import org.springframework.stereotype.Service;

/**
 * 临时救助金额测算: the decision table temporaryAssistanceAmount gives, by type and reason, a multiple
 * of the local urban dibao standard per person and a cap per person; this class only multiplies:
 * min(months × standard, cap) × household size.
 */
@Service
public class AmountSuggestion {

    static final String DECISION = "temporaryAssistanceAmount";

    /** The suggestion and what it was based on. {@code perPersonCap} is null when the table sets none. */
    public record Suggestion(BigDecimal monthlyStandard, BigDecimal standardMonths, BigDecimal perPersonCap,
                             BigDecimal perPerson, int householdSize, BigDecimal amount) {

        /** In words, for the officials. */
        public String basis() {
            String cap = perPersonCap == null ? "" : "，每人不超过 " + Yuan.format(perPersonCap) + " 元";
            return "城市低保标准 " + Yuan.format(monthlyStandard) + " 元/月 × " + Yuan.format(standardMonths) + " 个月"
                    + cap + "，每人 " + Yuan.format(perPerson) + " 元 × " + householdSize + " 人";
        }
    }

    private final DecisionService decisions;
    private final AssistanceStandards standards;

    public AmountSuggestion(DecisionService decisions, AssistanceStandards standards) {
        this.decisions = decisions;
        this.standards = standards;
    }

    public Suggestion suggest(AssistanceType type, HardshipReason reason, String countyCode, int householdSize,
                              int year) {
        BigDecimal standard = standards.monthlyStandard(countyCode, HouseholdType.URBAN, year);
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION)
                .variables(Variables.createVariables()
                        .putValue("assistanceType", type.name())
                        .putValue("reason", reason.name())
                        .putValue("monthlyStandard", standard.doubleValue()))
                .evaluate();
        if (result.isEmpty()) {
            // A configuration gap: the job fails into an incident that names it.
            throw new IllegalStateException("决策表 " + DECISION + " 中没有" + type.label() + "“" + reason.label()
                    + "”的测算规则，请管理员补充后重试");
        }
        BigDecimal months = decimal(result.getSingleResult().getEntry("standardMonths"));
        BigDecimal cap = decimal(result.getSingleResult().getEntry("perPersonCap"));
        BigDecimal perPerson = standard.multiply(months);
        if (cap != null) {
            perPerson = perPerson.min(cap);
        }
        perPerson = perPerson.setScale(2, RoundingMode.HALF_UP);
        return new Suggestion(standard, months, cap, perPerson, householdSize,
                perPerson.multiply(BigDecimal.valueOf(householdSize)));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
