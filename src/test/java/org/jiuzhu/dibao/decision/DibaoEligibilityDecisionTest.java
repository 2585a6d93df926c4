package org.jiuzhu.dibao.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** processes/dibaoEligibility.dmn: assets first, then income, first matching rule wins. */
class DibaoEligibilityDecisionTest {

    private static final String DECISION = "dibaoEligibility";

    /** The reasons are quoted in the written notice to the applicant: their wording is checked exactly. */
    private static final Map<String, String> REASONS = Map.of(
            "Rule_VehicleOwned", "家庭拥有机动车辆（残疾人功能性补偿代步车除外），不符合最低生活保障条件",
            "Rule_MultipleHousing", "家庭拥有两套及以上住房，不符合最低生活保障条件",
            "Rule_BusinessRegistered", "家庭成员登记有正常经营的企业或个体工商户，不符合最低生活保障条件",
            "Rule_DepositsAboveLimit", "家庭人均存款及有价证券超过当地低保标准的24倍，不符合最低生活保障条件",
            "Rule_SinglePersonBelowLimit", "家庭人均收入低于当地低保标准的1.5倍，符合单人保条件",
            "Rule_SinglePersonAboveLimit", "家庭人均收入不低于当地低保标准的1.5倍，不符合单人保条件",
            "Rule_IncomeBelowStandard", "家庭人均收入低于当地低保标准，符合最低生活保障条件",
            "Rule_IncomeNotBelowStandard", "家庭人均收入不低于当地低保标准，不符合最低生活保障条件");

    private static DecisionTables tables;

    @BeforeAll
    static void parseTheFile() {
        tables = DecisionTables.load("dibaoEligibility.dmn");
    }

    /** A household applying as a whole in Qingyuan (rural 2026: 620 元), poor and without excluded assets. */
    private static Household poorHousehold() {
        return new Household(620, 400, false, 5_000, 0, 1, 0);
    }

    static Stream<Arguments> households() {
        Household poor = poorHousehold();
        return Stream.of(
                Arguments.of("一辆机动车", poor.withVehicles(1), false, "Rule_VehicleOwned"),
                Arguments.of("车辆排除优先于其他条件", new Household(620, 0, true, 99_999, 2, 3, 1), false,
                        "Rule_VehicleOwned"),
                Arguments.of("两套住房", poor.withHousing(2), false, "Rule_MultipleHousing"),
                Arguments.of("三套住房且有个体工商户", poor.withHousing(3).withBusinesses(1), false,
                        "Rule_MultipleHousing"),
                Arguments.of("一套住房不影响认定", poor.withHousing(1), true, "Rule_IncomeBelowStandard"),
                Arguments.of("没有住房不影响认定", poor.withHousing(0), true, "Rule_IncomeBelowStandard"),
                Arguments.of("一家个体工商户", poor.withBusinesses(1), false, "Rule_BusinessRegistered"),
                Arguments.of("人均存款超过24倍一分钱", poor.withDeposits(14_880.01), false, "Rule_DepositsAboveLimit"),
                Arguments.of("人均存款恰好24倍", poor.withDeposits(14_880), true, "Rule_IncomeBelowStandard"),
                Arguments.of("单人保、收入略低于1.5倍", poor.alone().withIncome(929.99), true,
                        "Rule_SinglePersonBelowLimit"),
                Arguments.of("单人保、收入低于标准", poor.alone().withIncome(300), true, "Rule_SinglePersonBelowLimit"),
                Arguments.of("单人保、收入恰好1.5倍", poor.alone().withIncome(930), false,
                        "Rule_SinglePersonAboveLimit"),
                Arguments.of("单人保、收入为标准的2倍", poor.alone().withIncome(1_240), false,
                        "Rule_SinglePersonAboveLimit"),
                Arguments.of("单人保、存款超过24倍", poor.alone().withDeposits(20_000), false, "Rule_DepositsAboveLimit"),
                Arguments.of("整户、收入略低于标准", poor.withIncome(619.99), true, "Rule_IncomeBelowStandard"),
                Arguments.of("整户、没有收入", poor.withIncome(0), true, "Rule_IncomeBelowStandard"),
                Arguments.of("整户、收入恰好等于标准", poor.withIncome(620), false, "Rule_IncomeNotBelowStandard"),
                Arguments.of("整户、收入在1倍与1.5倍之间（不适用单人保的1.5倍）", poor.withIncome(800), false,
                        "Rule_IncomeNotBelowStandard"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("households")
    void appliesTheFirstMatchingRuleAndGivesItsReason(String situation, Household household, boolean eligible,
                                                     String rule) {
        var evaluation = tables.evaluate(DECISION, household.variables());

        assertThat(evaluation.decidingRule()).isEqualTo(rule);
        assertThat(evaluation.<Boolean>output("eligible")).isEqualTo(eligible);
        assertThat(evaluation.<String>output("reason")).isEqualTo(REASONS.get(rule));
    }

    @Test
    void hasATestCaseForEveryRow() {
        assertThat(households().map(arguments -> (String) arguments.get()[3]).distinct())
                .containsExactlyInAnyOrderElementsOf(tables.ruleIds(DECISION));
        assertThat(REASONS.keySet()).containsExactlyInAnyOrderElementsOf(tables.ruleIds(DECISION));
    }

    // The boundaries, for every standard configured in dibaoStandard.dmn.

    @ParameterizedTest(name = "standard {0}")
    @ValueSource(doubles = {590, 620, 650, 750, 780, 810})
    void anIncomeExactlyAtTheStandardIsNotBelowIt(double standard) {
        Household household = poorHousehold().withStandard(standard);

        assertThat(tables.evaluate(DECISION, household.withIncome(standard).variables()).decidingRule())
                .isEqualTo("Rule_IncomeNotBelowStandard");
        assertThat(tables.evaluate(DECISION, household.withIncome(standard - 0.01).variables()).decidingRule())
                .isEqualTo("Rule_IncomeBelowStandard");
    }

    @ParameterizedTest(name = "standard {0}")
    @ValueSource(doubles = {590, 620, 650, 750, 780, 810})
    void depositsOfExactlyTwentyFourTimesTheStandardDoNotExclude(double standard) {
        Household household = poorHousehold().withStandard(standard);

        assertThat(tables.evaluate(DECISION, household.withDeposits(24 * standard).variables()).decidingRule())
                .isEqualTo("Rule_IncomeBelowStandard");
        assertThat(tables.evaluate(DECISION, household.withDeposits(24 * standard + 0.01).variables()).decidingRule())
                .isEqualTo("Rule_DepositsAboveLimit");
    }

    @ParameterizedTest(name = "standard {0}")
    @ValueSource(doubles = {590, 620, 650, 750, 780, 810})
    void aSinglePersonWithIncomeOfExactlyOneAndAHalfTimesTheStandardIsNotEligible(double standard) {
        Household household = poorHousehold().withStandard(standard).alone();

        assertThat(tables.evaluate(DECISION, household.withIncome(1.5 * standard).variables()).decidingRule())
                .isEqualTo("Rule_SinglePersonAboveLimit");
        assertThat(tables.evaluate(DECISION, household.withIncome(1.5 * standard - 0.01).variables()).decidingRule())
                .isEqualTo("Rule_SinglePersonBelowLimit");
    }

    @Test
    void isAFirstHitTableWithAHistoryTimeToLive() {
        assertThat(tables.hitPolicy(DECISION)).isEqualTo("FIRST");
        assertThat(tables.historyTimeToLive(DECISION)).isNotBlank();
    }

    record Household(double monthlyStandard, double perCapitaIncome, boolean singlePerson, double depositsPerCapita,
                     int vehicleCount, int housingCount, int businessCount) {

        Household withStandard(double standard) {
            return new Household(standard, perCapitaIncome, singlePerson, depositsPerCapita, vehicleCount,
                    housingCount, businessCount);
        }

        Household withIncome(double income) {
            return new Household(monthlyStandard, income, singlePerson, depositsPerCapita, vehicleCount,
                    housingCount, businessCount);
        }

        Household alone() {
            return new Household(monthlyStandard, perCapitaIncome, true, depositsPerCapita, vehicleCount,
                    housingCount, businessCount);
        }

        Household withDeposits(double deposits) {
            return new Household(monthlyStandard, perCapitaIncome, singlePerson, deposits, vehicleCount,
                    housingCount, businessCount);
        }

        Household withVehicles(int vehicles) {
            return new Household(monthlyStandard, perCapitaIncome, singlePerson, depositsPerCapita, vehicles,
                    housingCount, businessCount);
        }

        Household withHousing(int housing) {
            return new Household(monthlyStandard, perCapitaIncome, singlePerson, depositsPerCapita, vehicleCount,
                    housing, businessCount);
        }

        Household withBusinesses(int businesses) {
            return new Household(monthlyStandard, perCapitaIncome, singlePerson, depositsPerCapita, vehicleCount,
                    housingCount, businesses);
        }

        VariableMap variables() {
            return Variables.createVariables()
                    .putValue("perCapitaIncome", perCapitaIncome)
                    .putValue("monthlyStandard", monthlyStandard)
                    .putValue("singlePerson", singlePerson)
                    .putValue("depositsPerCapita", depositsPerCapita)
                    .putValue("vehicleCount", vehicleCount)
                    .putValue("housingCount", housingCount)
                    .putValue("businessCount", businessCount);
        }
    }
}
