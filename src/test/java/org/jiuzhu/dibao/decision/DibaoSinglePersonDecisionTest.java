package org.jiuzhu.dibao.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** processes/dibaoSinglePerson.dmn: which member of a household may be included alone (单人保). */
class DibaoSinglePersonDecisionTest {

    private static final String DECISION = "dibaoSinglePerson";

    private static DecisionTables tables;

    @BeforeAll
    static void parseTheFile() {
        tables = DecisionTables.load("dibaoSinglePerson.dmn");
    }

    static Stream<Arguments> members() {
        return Stream.of(
                Arguments.of("一级肢体残疾", member(1, "PHYSICAL", false), true, "Rule_SevereDisability"),
                Arguments.of("二级视力残疾", member(2, "VISUAL", false), true, "Rule_SevereDisability"),
                Arguments.of("二级残疾且重病", member(2, "HEARING", true), true, "Rule_SevereDisability"),
                Arguments.of("三级智力残疾", member(3, "INTELLECTUAL", false), true, "Rule_Grade3IntellectualOrMental"),
                Arguments.of("三级精神残疾", member(3, "MENTAL", false), true, "Rule_Grade3IntellectualOrMental"),
                Arguments.of("患重特大疾病、无残疾", member(0, null, true), true, "Rule_SeriousIllness"),
                Arguments.of("四级肢体残疾且重病", member(4, "PHYSICAL", true), true, "Rule_SeriousIllness"),
                Arguments.of("三级肢体残疾", member(3, "PHYSICAL", false), false, "Rule_NotAdmissible"),
                Arguments.of("三级多重残疾", member(3, "MULTIPLE", false), false, "Rule_NotAdmissible"),
                Arguments.of("四级智力残疾", member(4, "INTELLECTUAL", false), false, "Rule_NotAdmissible"),
                Arguments.of("无残疾、无重病", member(0, null, false), false, "Rule_NotAdmissible"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("members")
    void admitsAMemberByTheFirstMatchingRule(String situation, VariableMap member, boolean admissible, String rule) {
        var evaluation = tables.evaluate(DECISION, member);

        assertThat(evaluation.decidingRule()).isEqualTo(rule);
        assertThat(evaluation.<Boolean>output("admissible")).isEqualTo(admissible);
        if (admissible) {
            assertThat(evaluation.result().getSingleResult().getEntryMap()).doesNotContainKey("reason");
        } else {
            assertThat(evaluation.<String>output("reason"))
                    .isEqualTo("单人保仅适用于一、二级残疾，三级智力、精神残疾或患重特大疾病的成员");
        }
    }

    @Test
    void hasATestCaseForEveryRow() {
        assertThat(members().map(arguments -> (String) arguments.get()[3]).distinct())
                .containsExactlyInAnyOrderElementsOf(tables.ruleIds(DECISION));
    }

    @Test
    void isAFirstHitTableWithAHistoryTimeToLive() {
        assertThat(tables.hitPolicy(DECISION)).isEqualTo("FIRST");
        assertThat(tables.historyTimeToLive(DECISION)).isNotBlank();
    }

    private static VariableMap member(int disabilityGrade, String disabilityKind, boolean seriousIllness) {
        return Variables.createVariables()
                .putValue("disabilityGrade", disabilityGrade)
                .putValue("disabilityKind", disabilityKind)
                .putValue("seriousIllness", seriousIllness);
    }
}
