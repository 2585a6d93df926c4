package org.jiuzhu.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.jiuzhu.dibao.DibaoSettings.BenefitStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** jiuzhu.dibao.benefit-start: from which month an approved household receives benefits. */
class DibaoSettingsTest {

    @Test
    void benefitsStartTheMonthAfterTheDecisionByDefault() {
        assertThat(new DibaoSettings().getBenefitStart()).isEqualTo(BenefitStart.NEXT_MONTH);
    }

    @ParameterizedTest(name = "{0}, decided {1} → {2}")
    @CsvSource({
        "next-month,     2026-12-31, 2027-01",
        "next-month,     2026-03-01, 2026-04",
        "decision-month, 2026-12-31, 2026-12",
        "decision-month, 2026-03-01, 2026-03"
    })
    void anAdministratorMayLetBenefitsStartInTheDecisionMonth(String setting, LocalDate decidedOn, YearMonth first) {
        DibaoSettings settings = new Binder(new MapConfigurationPropertySource(Map.of("jiuzhu.dibao.benefit-start", setting)))
                .bind("jiuzhu.dibao", Bindable.of(DibaoSettings.class)).get();

        assertThat(settings.getBenefitStart().firstMonth(decidedOn)).isEqualTo(first);
    }
}
