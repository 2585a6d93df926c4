package org.jiuzhu.dibao.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** processes/dibaoStandard.dmn: the local dibao standard by county, urban/rural and year. */
class DibaoStandardDecisionTest {

    private static final String DECISION = "dibaoStandard";
    private static final String QINGYUAN = "341899000000";

    private static DecisionTables tables;

    @BeforeAll
    static void parseTheFile() {
        tables = DecisionTables.load("dibaoStandard.dmn");
    }

    static Stream<Arguments> standardsOfQingyuan() {
        return Stream.of(
                Arguments.of(2025, "URBAN", 750.0, "Rule_Qingyuan2025Urban"),
                Arguments.of(2025, "RURAL", 590.0, "Rule_Qingyuan2025Rural"),
                Arguments.of(2026, "URBAN", 780.0, "Rule_Qingyuan2026Urban"),
                Arguments.of(2026, "RURAL", 620.0, "Rule_Qingyuan2026Rural"),
                Arguments.of(2027, "URBAN", 810.0, "Rule_Qingyuan2027Urban"),
                Arguments.of(2027, "RURAL", 650.0, "Rule_Qingyuan2027Rural"));
    }

    @ParameterizedTest(name = "{0} {1} → {2} 元")
    @MethodSource("standardsOfQingyuan")
    void givesQingyuanTheStandardOfTheYearAndHouseholdType(int year, String householdType, double expected,
                                                            String rule) {
        var evaluation = tables.evaluate(DECISION, standardOf(QINGYUAN, householdType, year));

        assertThat(evaluation.<Double>output("monthlyStandard")).isEqualTo(expected);
        assertThat(evaluation.decidingRule()).isEqualTo(rule);
    }

    @Test
    void hasATestCaseForEveryRow() {
        assertThat(standardsOfQingyuan().map(arguments -> (String) arguments.get()[3]))
                .containsExactlyInAnyOrderElementsOf(tables.ruleIds(DECISION));
    }

    @ParameterizedTest(name = "county {0}, {1}, {2}")
    @CsvSource({
        "341800000000, URBAN, 2026",   // another county
        "341899001000, URBAN, 2026",   // a street of Qingyuan, not the county itself
        "34189900000,  URBAN, 2026",   // malformed code
        "341899000000, URBAN, 2024",   // year before the table starts
        "341899000000, RURAL, 2028",   // year not configured yet
        "341899000000, urban, 2026",   // household type is case sensitive
        "341899000000, MIXED, 2026",   // unknown household type
        "           , URBAN, 2026",    // no county
        "341899000000, URBAN,     "    // no year
    })
    void givesNoResultForAnUnknownCountyYearOrHouseholdType(String countyCode, String householdType, Integer year) {
        var evaluation = tables.evaluate(DECISION, standardOf(countyCode, householdType, year));

        assertThat(evaluation.result()).isEmpty();
        assertThat(evaluation.matchedRuleIds()).isEmpty();
    }

    @Test
    void isAUniqueTableWithAHistoryTimeToLive() {
        assertThat(tables.hitPolicy(DECISION)).isEqualTo("UNIQUE");
        assertThat(tables.historyTimeToLive(DECISION)).isNotBlank();
    }

    private static VariableMap standardOf(String countyCode, String householdType, Integer year) {
        return Variables.createVariables()
                .putValue("countyCode", countyCode)
                .putValue("householdType", householdType)
                .putValue("year", year);
    }
}
