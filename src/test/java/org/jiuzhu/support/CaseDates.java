package org.jiuzhu.support;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Dates for task forms in tests: the day of the engine clock in the zone of the application's
 * {@link Clock}, the day the server checks dates against (a visit can be neither in the future nor
 * before the application, which the tests submit "now").
 */
@Component
public class CaseDates {

    private static volatile ZoneId zone = ZoneId.systemDefault();

    CaseDates(Clock clock) {
        zone = clock.getZone();
    }

    /** Today, yyyy-MM-dd, as form-js's date field sends it. */
    public static String today() {
        return daysFromToday(0);
    }

    public static String daysFromToday(int days) {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone).plusDays(days).toString();
    }
}
