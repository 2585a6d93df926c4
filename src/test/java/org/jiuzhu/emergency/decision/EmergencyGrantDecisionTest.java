package org.jiuzhu.emergency.decision;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.variable.Variables;
import org.jiuzhu.dibao.decision.DecisionTables;
import org.jiuzhu.emergency.EmergencyReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** processes/emergencyGrant.dmn: how many months of the urban dibao standard a same-day household gets. */
class EmergencyGrantDecisionTest {

    private static final String DECISION = "emergencyGrant";
    private static final String QINGYUAN = "341899000000";

    private static DecisionTables tables;

    @BeforeAll
    static void parseTheFile() {
        tables = DecisionTables.load("emergencyGrant.dmn");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(EmergencyReason.class)
    void givesOneMonthForEveryKindOfEmergencyByDefault(EmergencyReason reason) {
        var evaluation = tables.evaluate(DECISION, Variables.createVariables()
                .putValue("countyCode", QINGYUAN).putValue("reason", reason.name()));

        assertThat(evaluation.<Integer>output("standardMonths")).isEqualTo(1);
        assertThat(evaluation.decidingRule()).isEqualTo("Rule_OneMonth");
    }

    @ParameterizedTest(name = "county {0}")
    @CsvSource({"341800000000", "110101000000"})
    void givesOneMonthInAnyCountyByDefault(String countyCode) {
        var evaluation = tables.evaluate(DECISION, Variables.createVariables()
                .putValue("countyCode", countyCode).putValue("reason", EmergencyReason.EPIDEMIC.name()));

        assertThat(evaluation.<Integer>output("standardMonths")).isEqualTo(1);
    }

    @Test
    void hasATestCaseForEveryRow() {
        assertThat(tables.ruleIds(DECISION)).containsExactly("Rule_OneMonth");
    }

    @Test
    void isAFirstHitTableWithAHistoryTimeToLive() {
        assertThat(tables.hitPolicy(DECISION)).isEqualTo("FIRST");
        assertThat(tables.historyTimeToLive(DECISION)).isNotBlank();
    }
}
