package org.jiuzhu.system.timelimits;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, used in the models as {@code camunda:dueDate="${dueDates.after('acceptance')}"}:
 * the end of the day that lies the stage's number of working days ahead (weekends skipped).
 */
@Component("dueDates")
public class DueDates {

    private final TimeLimitProperties limits;
    private final Clock clock;

    public DueDates(TimeLimitProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public Date after(String stage) {
        Integer days = limits.workingDays().get(stage);
        if (days == null) {
            throw new IllegalStateException("No time limit configured for stage '" + stage
                    + "' (jiuzhu.time-limits.working-days." + stage + ")");
        }
        LocalDate due = addWorkingDays(LocalDate.now(clock), days);
        return Date.from(due.atTime(LocalTime.MAX).atZone(clock.getZone()).toInstant());
    }

    static LocalDate addWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                added++;
            }
        }
        return date;
    }

    static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
