package org.jiuzhu.system.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

/** The date of something that happened, as form-js's date field submits it (yyyy-MM-dd). */
class SubmittedFormDateTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate APPLIED = LocalDate.of(2026, 12, 1);

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
            assertThatThrownBy(() -> date(wrong)).as(wrong).hasMessageContaining("“调查日期”应为“年-月-日”格式的日期");
        }
    }

    @Test
    void requiresTheDate() {
        assertThatThrownBy(() -> date(" ")).hasMessage("请填写“调查日期”");
        assertThatThrownBy(() -> new SubmittedForm(Map.<String, Object>of()::get)
                .pastDate("investigationDate", "调查日期", TODAY, APPLIED, "申请日期")).hasMessage("请填写“调查日期”");
    }

    private static LocalDate date(String value) {
        return new SubmittedForm(Map.<String, Object>of("investigationDate", value)::get)
                .pastDate("investigationDate", "调查日期", TODAY, APPLIED, "申请日期");
    }
}
