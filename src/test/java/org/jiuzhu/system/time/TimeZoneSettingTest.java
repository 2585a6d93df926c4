package org.jiuzhu.system.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jiuzhu.system.EngineClock;
import org.jiuzhu.casework.DueDates;
import org.joda.time.DateTimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** jiuzhu.time-zone decides the zone of the clock, of "today", of same-day deadlines and of the JVM. */
class TimeZoneSettingTest {

    private static final ZoneId URUMQI = ZoneId.of("Asia/Urumqi");

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EngineClock.class);

    private TimeZone jvmZone;
    private DateTimeZone jodaZone;
    private String userTimezone;

    @BeforeEach
    void rememberTheJvmsZone() {
        jvmZone = TimeZone.getDefault();
        jodaZone = DateTimeZone.getDefault();
        userTimezone = System.getProperty("user.timezone");
    }

    @AfterEach
    void restoreTheJvmsZone() {
        TimeZone.setDefault(jvmZone);
        DateTimeZone.setDefault(jodaZone);
        System.setProperty("user.timezone", userTimezone);
        ClockUtil.reset();
    }

    @Test
    void beijingUnlessConfigured() {
        assertThat(TimeZoneSetting.of(new MockEnvironment())).isEqualTo(ZoneId.of("Asia/Shanghai"));
        context.run(app -> assertThat(app.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theSettingMovesTodayAndTheSameDayDeadline() {
        // 17:30 UTC: 23:30 in Urumqi, already 01:30 the next day in Beijing.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-01-09T17:30:00Z")));

        context.withPropertyValues("jiuzhu.time-zone=Asia/Urumqi").run(app -> {
            Clock clock = app.getBean(Clock.class);
            assertThat(clock.getZone()).isEqualTo(URUMQI);
            assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2031, 1, 9));
            assertThat(new DueDates(null, null, clock).sameDay().toInstant())
                    .isEqualTo(ZonedDateTime.of(2031, 1, 9, 23, 59, 59, 999_000_000, URUMQI).toInstant());
        });
        context.run(app -> assertThat(LocalDate.now(app.getBean(Clock.class))).isEqualTo(LocalDate.of(2031, 1, 10)));
    }

    @Test
    void theClockFollowsTheEnginesClockInAnyZone() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-01-09T17:30:00Z")));
        context.run(app -> {
            Clock utc = app.getBean(Clock.class).withZone(ZoneId.of("UTC"));
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-01-09T18:00:00Z")));
            assertThat(utc.instant()).isEqualTo(Instant.parse("2031-01-09T18:00:00Z"));
            assertThat(utc.getZone()).isEqualTo(ZoneId.of("UTC"));
        });
    }

    @Test
    void theJvmTheEngineAndTheDatabaseDriversTakeTheSettingsZone() {
        new JvmTimeZone().postProcessEnvironment(new MockEnvironment().withProperty("jiuzhu.time-zone", "Asia/Urumqi"),
                new SpringApplication());

        assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Urumqi");
        assertThat(DateTimeZone.getDefault().getID()).isEqualTo("Asia/Urumqi");
        assertThat(ZoneId.systemDefault()).isEqualTo(URUMQI);

        new JvmTimeZone().postProcessEnvironment(new MockEnvironment().withProperty("jiuzhu.time-zone", "UTC"),
                new SpringApplication());
        assertThat(TimeZone.getDefault().getID()).isEqualTo("UTC");
        assertThat(DateTimeZone.getDefault()).isEqualTo(DateTimeZone.UTC);
    }

    @Test
    void anUnknownZoneStopsTheStartWithAChineseMessage() {
        MockEnvironment typo = new MockEnvironment().withProperty("jiuzhu.time-zone", "Asia/Beijing");

        assertThatThrownBy(() -> TimeZoneSetting.of(typo)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jiuzhu.time-zone").hasMessageContaining("Asia/Beijing").hasMessageContaining("无法识别");
    }

    @Test
    void namesTheZoneInChinese() {
        assertThat(TimeZoneSetting.displayName(ZoneId.of("Asia/Shanghai"))).isEqualTo("北京时间");
        assertThat(TimeZoneSetting.displayName(URUMQI)).isEqualTo("乌鲁木齐时间");
        assertThat(TimeZoneSetting.displayName(ZoneId.of("Europe/Berlin"))).isEqualTo("Europe/Berlin");
    }
}
