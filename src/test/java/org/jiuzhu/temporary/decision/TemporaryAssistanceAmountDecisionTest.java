package org.jiuzhu.temporary.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.dibao.decision.DecisionTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/temporaryAssistanceAmount.dmn: by type and reason, months of the urban dibao standard per
 * person and the cap per person (急难型 1000 yuan, 支出型 6 months of the standard).
 */
class TemporaryAssistanceAmountDecisionTest {

    private static final String AMOUNT = "temporaryAssistanceAmount";
    private static final double STANDARD = 780;

    private static DecisionTables tables;

    @BeforeAll
    static void parseTheFile() {
        tables = DecisionTables.load("temporaryAssistanceAmount.dmn");
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("SUDDEN", "ILLNESS", 1.5, 1000.0, "Rule_SuddenIllness"),
                Arguments.of("SUDDEN", "ACCIDENT", 1.5, 1000.0, "Rule_SuddenAccident"),
                Arguments.of("SUDDEN", "DISASTER", 1.0, 1000.0, "Rule_SuddenDisaster"),
                Arguments.of("SUDDEN", "FIRE", 2.0, 1000.0, "Rule_SuddenFire"),
                Arguments.of("SUDDEN", "OTHER", 1.0, 1000.0, "Rule_SuddenOther"),
                Arguments.of("EXPENDITURE", "MEDICAL", 6.0, 6 * STANDARD, "Rule_ExpenditureMedical"),
                Arguments.of("EXPENDITURE", "EDUCATION", 4.0, 6 * STANDARD, "Rule_ExpenditureEducation"),
                Arguments.of("EXPENDITURE", "OTHER", 3.0, 6 * STANDARD, "Rule_ExpenditureOther"));
    }

    @ParameterizedTest(name = "{0} {1} → {2} 个月，每人上限 {3}")
    @MethodSource("rows")
    void givesMonthsOfTheStandardAndTheCapPerPerson(String type, String reason, double months, double cap,
                                                    String rule) {
        var evaluation = tables.evaluate(AMOUNT, variables(type, reason, STANDARD));

        assertThat(evaluation.decidingRule()).isEqualTo(rule);
        assertThat(evaluation.<Double>output("standardMonths")).isEqualTo(months);
        assertThat(evaluation.<Double>output("perPersonCap")).isEqualTo(cap);
    }

    @Test
    void hasATestCaseForEveryRow() {
        assertThat(rows().map(arguments -> (String) arguments.get()[4]).distinct())
                .containsExactlyInAnyOrderElementsOf(tables.ruleIds(AMOUNT));
    }

    @Test
    void capsExpenditureAtSixMonthsOfTheStandardGiven() {
        assertThat(tables.evaluate(AMOUNT, variables("EXPENDITURE", "MEDICAL", 810)).<Double>output("perPersonCap"))
                .isEqualTo(4860.0);
    }

    @ParameterizedTest(name = "{0} {1} → no rule")
    @CsvSource({"SUDDEN, MEDICAL", "SUDDEN, EDUCATION", "EXPENDITURE, FIRE", "EXPENDITURE, ILLNESS", "OTHER, OTHER"})
    void hasNoRuleForAReasonOfTheOtherType(String type, String reason) {
        assertThat(tables.evaluate(AMOUNT, variables(type, reason, STANDARD)).result()).isEmpty();
    }

    @Test
    void hasHitPolicyUniqueAndAHistoryTimeToLive() {
        assertThat(tables.hitPolicy(AMOUNT)).isEqualTo("UNIQUE");
        assertThat(tables.historyTimeToLive(AMOUNT)).isNotBlank();
    }

    private static VariableMap variables(String type, String reason, double monthlyStandard) {
        return Variables.createVariables().putValue("assistanceType", type).putValue("reason", reason)
                .putValue("monthlyStandard", monthlyStandard);
    }
}
