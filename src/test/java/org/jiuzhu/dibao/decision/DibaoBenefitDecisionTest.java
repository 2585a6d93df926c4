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
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * processes/dibaoMemberClass.dmn and dibaoClassIncrement.dmn: classes A/B/C of each member (分类施保) and the
 * increment of each class.
 */
class DibaoBenefitDecisionTest {

    private static final String MEMBER_CLASS = "dibaoMemberClass";
    private static final String CLASS_INCREMENT = "dibaoClassIncrement";

    private static DecisionTables memberClasses;
    private static DecisionTables increments;

    @BeforeAll
    static void parseTheFile() {
        memberClasses = DecisionTables.load(MEMBER_CLASS + ".dmn");
        increments = DecisionTables.load(CLASS_INCREMENT + ".dmn");
    }

    static Stream<Arguments> members() {
        return Stream.of(
                Arguments.of("一级肢体残疾、有劳动能力", member(40, "FULL", 1, "PHYSICAL", false), "A", "Rule_SevereDisability"),
                Arguments.of("二级视力残疾的儿童", member(10, "NONE", 2, "VISUAL", false), "A", "Rule_SevereDisability"),
                Arguments.of("三级智力残疾", member(30, "PARTIAL", 3, "INTELLECTUAL", false), "A",
                        "Rule_Grade3IntellectualOrMental"),
                Arguments.of("三级精神残疾", member(52, "FULL", 3, "MENTAL", false), "A",
                        "Rule_Grade3IntellectualOrMental"),
                Arguments.of("重病且无劳动能力", member(45, "NONE", 0, null, true), "A", "Rule_SeriousIllnessNoLabour"),
                Arguments.of("恰好70岁、无劳动能力", member(70, "NONE", 0, null, false), "A", "Rule_Aged70NoLabour"),
                Arguments.of("85岁、无劳动能力", member(85, "NONE", 0, null, false), "A", "Rule_Aged70NoLabour"),
                Arguments.of("三级肢体残疾", member(35, "FULL", 3, "PHYSICAL", false), "B", "Rule_ModerateDisability"),
                Arguments.of("三级多重残疾", member(35, "PARTIAL", 3, "MULTIPLE", false), "B", "Rule_ModerateDisability"),
                Arguments.of("四级智力残疾", member(25, "PARTIAL", 4, "INTELLECTUAL", false), "B",
                        "Rule_ModerateDisability"),
                Arguments.of("四级听力残疾、65岁无劳动能力", member(65, "NONE", 4, "HEARING", false), "B",
                        "Rule_ModerateDisability"),
                Arguments.of("四级听力残疾、72岁无劳动能力（A类优先）", member(72, "NONE", 4, "HEARING", false), "A",
                        "Rule_Aged70NoLabour"),
                Arguments.of("重病、部分丧失劳动能力", member(45, "PARTIAL", 0, null, true), "B", "Rule_SeriousIllness"),
                Arguments.of("重病、有劳动能力", member(30, "FULL", 0, null, true), "B", "Rule_SeriousIllness"),
                Arguments.of("69岁、无劳动能力（未满70岁）", member(69, "NONE", 0, null, false), "B", "Rule_Aged60"),
                Arguments.of("75岁、部分丧失劳动能力", member(75, "PARTIAL", 0, null, false), "B", "Rule_Aged60"),
                Arguments.of("恰好60岁、有劳动能力", member(60, "FULL", 0, null, false), "B", "Rule_Aged60"),
                Arguments.of("17岁", member(17, "FULL", 0, null, false), "B", "Rule_Minor"),
                Arguments.of("婴儿", member(0, "NONE", 0, null, false), "B", "Rule_Minor"),
                Arguments.of("40岁、无劳动能力", member(40, "NONE", 0, null, false), "B", "Rule_NoLabourAbility"),
                Arguments.of("恰好18岁、有劳动能力", member(18, "FULL", 0, null, false), "C", "Rule_OtherMembers"),
                Arguments.of("59岁、有劳动能力", member(59, "FULL", 0, null, false), "C", "Rule_OtherMembers"),
                Arguments.of("35岁、部分丧失劳动能力", member(35, "PARTIAL", 0, null, false), "C", "Rule_OtherMembers"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("members")
    void classifiesEachMemberByTheFirstMatchingRule(String situation, VariableMap member, String memberClass,
                                                   String rule) {
        var evaluation = memberClasses.evaluate(MEMBER_CLASS, member);

        assertThat(evaluation.decidingRule()).isEqualTo(rule);
        assertThat(evaluation.<String>output("memberClass")).isEqualTo(memberClass);
    }

    @Test
    void hasATestCaseForEveryClassificationRow() {
        assertThat(members().map(arguments -> (String) arguments.get()[3]).distinct())
                .containsExactlyInAnyOrderElementsOf(memberClasses.ruleIds(MEMBER_CLASS));
    }

    @ParameterizedTest(name = "class {0} → {1}")
    @CsvSource({
        "A, 0.3, Rule_ClassA",
        "B, 0.2, Rule_ClassB",
        "C, 0.0, Rule_ClassC"
    })
    void givesTheIncrementRateOfEachClass(String memberClass, double rate, String rule) {
        var evaluation = increments.evaluate(CLASS_INCREMENT, Variables.createVariables().putValue("memberClass", memberClass));

        assertThat(evaluation.<Double>output("incrementRate")).isEqualTo(rate);
        assertThat(evaluation.decidingRule()).isEqualTo(rule);
    }

    @Test
    void hasATestCaseForEveryIncrementRow() {
        assertThat(increments.ruleIds(CLASS_INCREMENT)).containsExactly("Rule_ClassA", "Rule_ClassB", "Rule_ClassC");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"D", "a", ""})
    void givesNoIncrementForAnUnknownClass(String memberClass) {
        var evaluation = increments.evaluate(CLASS_INCREMENT, Variables.createVariables().putValue("memberClass", memberClass));

        assertThat(evaluation.result()).isEmpty();
    }

    @Test
    void classifiesAndGivesTheIncrementOfAMemberInTwoSteps() {
        String memberClass = memberClasses.evaluate(MEMBER_CLASS, member(76, "NONE", 0, null, false)).output("memberClass");
        Double rate = increments.evaluate(CLASS_INCREMENT, Variables.createVariables().putValue("memberClass", memberClass))
                .output("incrementRate");

        assertThat(memberClass).isEqualTo("A");
        assertThat(rate).isEqualTo(0.3);
    }

    @Test
    void hasTheExpectedHitPoliciesAndAHistoryTimeToLive() {
        assertThat(memberClasses.hitPolicy(MEMBER_CLASS)).isEqualTo("FIRST");
        assertThat(increments.hitPolicy(CLASS_INCREMENT)).isEqualTo("UNIQUE");
        assertThat(memberClasses.historyTimeToLive(MEMBER_CLASS)).isNotBlank();
        assertThat(increments.historyTimeToLive(CLASS_INCREMENT)).isNotBlank();
    }

    private static VariableMap member(int age, String labourAbility, int disabilityGrade, String disabilityKind,
                                      boolean seriousIllness) {
        return Variables.createVariables()
                .putValue("age", age)
                .putValue("labourAbility", labourAbility)
                .putValue("disabilityGrade", disabilityGrade)
                .putValue("disabilityKind", disabilityKind)
                .putValue("seriousIllness", seriousIllness);
    }
}
