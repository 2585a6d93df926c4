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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * processes/temporaryAssistanceRouting.dmn: the township approves up to 5000 yuan per case, the county
 * above that, and a household's yearly total above 20000 yuan needs 一事一议.
 */
class TemporaryAssistanceRoutingDecisionTest {

    private static final String ROUTING = "temporaryAssistanceRouting";

    private static DecisionTables tables;

    @BeforeAll
    static void parseTheFile() {
        tables = DecisionTables.load("temporaryAssistanceRouting.dmn");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("4999 元，本年无其他救助", 4999, 0, "TOWNSHIP", "Rule_WithinTownshipLimit"),
                Arguments.of("恰好 5000 元", 5000, 0, "TOWNSHIP", "Rule_WithinTownshipLimit"),
                Arguments.of("5001 元", 5001, 0, "COUNTY", "Rule_AboveTownshipLimit"),
                Arguments.of("5000.01 元", 5000.01, 0, "COUNTY", "Rule_AboveTownshipLimit"),
                Arguments.of("此前 16000 元 + 4000 元，恰好 20000 元", 4000, 16000, "TOWNSHIP", "Rule_WithinTownshipLimit"),
                Arguments.of("此前 16000 元 + 4001 元，超过 20000 元", 4001, 16000, "DELIBERATION", "Rule_AboveYearlyCap"),
                Arguments.of("此前 14000 元 + 6000 元，恰好 20000 元", 6000, 14000, "COUNTY", "Rule_AboveTownshipLimit"),
                Arguments.of("此前 14000.5 元 + 6000 元", 6000, 14000.5, "DELIBERATION", "Rule_AboveYearlyCap"),
                Arguments.of("单次 20001 元", 20001, 0, "DELIBERATION", "Rule_AboveYearlyCap"),
                Arguments.of("此前已满 20000 元，再救助 1 元", 1, 20000, "DELIBERATION", "Rule_AboveYearlyCap"));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("cases")
    void routesByTheFirstMatchingRule(String situation, double amount, double yearlyTotalBefore, String route,
                                      String rule) {
        var evaluation = tables.evaluate(ROUTING, variables(amount, yearlyTotalBefore));

        assertThat(evaluation.decidingRule()).isEqualTo(rule);
        assertThat(evaluation.<String>output("approvalRoute")).isEqualTo(route);
        assertThat(evaluation.<String>output("routeReason")).isNotBlank();
    }

    @Test
    void hasATestCaseForEveryRow() {
        assertThat(cases().map(arguments -> (String) arguments.get()[4]).distinct())
                .containsExactlyInAnyOrderElementsOf(tables.ruleIds(ROUTING));
    }

    @Test
    void namesTheFiguresInItsReasons() {
        assertThat(tables.evaluate(ROUTING, variables(100, 19950)).<String>output("routeReason")).contains("20000 元");
        assertThat(tables.evaluate(ROUTING, variables(100, 0)).<String>output("routeReason")).contains("5000 元");
        assertThat(tables.evaluate(ROUTING, variables(9000, 0)).<String>output("routeReason")).contains("县级审批");
    }

    @Test
    void hasHitPolicyFirstAndAHistoryTimeToLive() {
        assertThat(tables.hitPolicy(ROUTING)).isEqualTo("FIRST");
        assertThat(tables.historyTimeToLive(ROUTING)).isNotBlank();
    }

    private static VariableMap variables(double amount, double yearlyTotalBefore) {
        return Variables.createVariables().putValue("amount", amount).putValue("yearlyTotalBefore", yearlyTotalBefore);
    }
}
