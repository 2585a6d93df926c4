package org.jiuzhu.dibao.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** processes/emergencyPledgeCheck.dmn: how far the verification may differ from the pledge. */
class EmergencyPledgeCheckDecisionTest {

    private static final String DECISION = "emergencyPledgeCheck";
    private static DecisionTables tables;
    private static final Set<String> reached = new HashSet<>();

    @BeforeAll
    static void parseTheFile() {
        tables = DecisionTables.load("emergencyPledgeCheck.dmn");
    }

    static Stream<Arguments> differences() {
        return Stream.of(
                Arguments.of("收入多出 300.01 元", variables(300.01, 0, 0, 0, 0), false, "Rule_IncomeHidden"),
                Arguments.of("收入恰好多出 300 元（容许）", variables(300, 0, 0, 0, 0), true, "Rule_PledgeTrue"),
                Arguments.of("收入隐瞒优先于其他情形", variables(1000, 9000, 1, 1, 1), false, "Rule_IncomeHidden"),
                Arguments.of("存款多出 5000.01 元", variables(0, 5000.01, 0, 0, 0), false, "Rule_DepositsHidden"),
                Arguments.of("存款恰好多出 5000 元（容许）", variables(0, 5000, 0, 0, 0), true, "Rule_PledgeTrue"),
                Arguments.of("一辆未申报的车", variables(0, 0, 1, 0, 0), false, "Rule_VehicleHidden"),
                Arguments.of("一处未申报的房产", variables(0, 0, 0, 1, 0), false, "Rule_RealEstateHidden"),
                Arguments.of("一个工商登记", variables(0, 0, 0, 0, 1), false, "Rule_BusinessHidden"),
                Arguments.of("与申报完全相符", variables(0, 0, 0, 0, 0), true, "Rule_PledgeTrue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void judgesThePledgeByTheFirstMatchingRule(String situation, VariableMap variables, boolean truthful, String rule) {
        var evaluation = tables.evaluate(DECISION, variables);

        assertThat(evaluation.decidingRule()).isEqualTo(rule);
        assertThat((Boolean) evaluation.output("truthful")).isEqualTo(truthful);
        assertThat((String) evaluation.output("finding")).isNotBlank();
        reached.add(rule);
    }

    @Test
    void isAFirstHitTableWithAHistoryTimeToLive() {
        assertThat(tables.hitPolicy(DECISION)).isEqualTo("FIRST");
        assertThat(tables.historyTimeToLive(DECISION)).isNotBlank();
    }

    @AfterAll
    static void everyRuleIsReached() {
        assertThat(reached).containsExactlyInAnyOrderElementsOf(tables.ruleIds(DECISION));
    }

    private static VariableMap variables(double income, double deposits, int vehicles, int realEstate, int business) {
        return Variables.createVariables().putValue("undeclaredIncome", income).putValue("undeclaredDeposits", deposits)
                .putValue("undeclaredVehicles", vehicles).putValue("undeclaredRealEstate", realEstate)
                .putValue("businessCount", business);
    }
}
