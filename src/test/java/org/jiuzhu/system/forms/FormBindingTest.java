package org.jiuzhu.system.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

/** A task form's values bound into its record: dates as form-js's date field submits them (yyyy-MM-dd), numbers, choices. */
class FormBindingTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate APPLIED = LocalDate.of(2026, 12, 1);
    private static final FormBinding BINDING = new FormBinding(Validation.buildDefaultValidatorFactory().getValidator(),
            Clock.fixed(TODAY.atStartOfDay(ZONE).toInstant(), ZONE));

    record Visit(@NotNull(message = "请填写“调查日期”") @Label("调查日期") LocalDate investigationDate,
                 @Label("核实的家庭月总收入") BigDecimal income,
                 Answer answer,
                 boolean signed) {

        enum Answer implements FormChoice { ACCEPT, CHANGE_AMOUNT }

        @AssertTrue(message = "请确认签字")
        public boolean isSignedWhenAccepting() {
            return answer != Answer.ACCEPT || signed;
        }
    }

    @Test
    void acceptsTheDayOfTheApplicationAndToday() {
        assertThat(date("2026-12-01")).isEqualTo(APPLIED);
        assertThat(date("2026-12-07")).isEqualTo(TODAY);
    }

    @Test
    void refusesTomorrow() {
        assertThatThrownBy(() -> date("2026-12-08")).isInstanceOf(BadUserRequestException.class)
                .hasMessage("“调查日期”不能晚于今天（2026-12-07）");
    }

    @Test
    void refusesTheDayBeforeTheApplication() {
        assertThatThrownBy(() -> date("2026-11-30")).isInstanceOf(BadUserRequestException.class)
                .hasMessage("“调查日期”不能早于申请日期（2026-12-01）");
    }

    @Test
    void refusesOtherFormatsAndImpossibleDays() {
        for (String wrong : new String[] {"12/06/2026", "2026-12-6", "2026-02-30", "2026-12-06T00:00:00", "明天"}) {
            assertThatThrownBy(() -> date(wrong)).as(wrong).isInstanceOf(BadUserRequestException.class)
                    .hasMessage("“调查日期”应为“年-月-日”格式的日期，例如 2026-12-07");
        }
    }

    @Test
    void requiresTheDate() {
        assertThatThrownBy(() -> date(" ")).hasMessage("请填写“调查日期”");
        assertThatThrownBy(() -> BINDING.bindValid(Visit.class, Map.<String, Object>of()::get))
                .hasMessage("请填写“调查日期”");
    }

    @Test
    void bindsNumbersGivenAsNumbersOrDigitsAndRefusesTooLargeOnes() {
        assertThat(visit(Map.of("income", 900)).income()).isEqualByComparingTo("900");
        assertThat(visit(Map.of("income", " 12.50 ")).income()).isEqualByComparingTo("12.5");
        assertThat(visit(Map.of("income", "九百")).income()).isNull();
        assertThat(visit(Map.of("income", Double.NaN)).income()).isNull();
        assertThatThrownBy(() -> visit(Map.of("income", 1e13))).isInstanceOf(BadUserRequestException.class)
                .hasMessage("“核实的家庭月总收入”的数值过大（最多 8 位整数）");
    }

    @Test
    void bindsAChoiceByItsValueInTheForm() {
        assertThat(visit(Map.of("answer", "changeAmount")).answer()).isEqualTo(Visit.Answer.CHANGE_AMOUNT);
        assertThat(visit(Map.of("answer", "CHANGE_AMOUNT")).answer()).isNull();
    }

    @Test
    void checksTheCrossFieldRulesAfterTheFields() {
        assertThatThrownBy(() -> visit(Map.of("answer", "accept", "signed", "true"))).hasMessage("请确认签字");
        assertThat(visit(Map.of("answer", "accept", "signed", true)).signed()).isTrue();
        assertThatThrownBy(() -> BINDING.bindValid(Visit.class, Map.<String, Object>of("answer", "accept")::get))
                .hasMessage("请填写“调查日期”");
    }

    private static Visit visit(Map<String, Object> values) {
        Map<String, Object> form = new HashMap<>(values);
        form.put("investigationDate", "2026-12-02");
        return BINDING.bindValid(Visit.class, form::get);
    }

    private static LocalDate date(String value) {
        LocalDate date = BINDING.bindValid(Visit.class, Map.<String, Object>of("investigationDate", value)::get)
                .investigationDate();
        new PastDate(TODAY, APPLIED, "申请日期").check(date, "调查日期");
        return date;
    }
}
