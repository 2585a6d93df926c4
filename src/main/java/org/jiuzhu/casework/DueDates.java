package org.jiuzhu.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks, used in the models as {@code camunda:dueDate="${dueDates.after('acceptance')}"}:
 * the end of the day that lies the stage's number of working days ahead ({@link WorkingCalendar}:
 * weekends and listed holidays skipped, make-up working days counted). A limit of 0 days means the
 * end of today (same-day stages).
 */
@Component("dueDates")
public class DueDates {

    private final TimeLimitProperties limits;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public DueDates(TimeLimitProperties limits, WorkingCalendar calendar, Clock clock) {
        this.limits = limits;
        this.calendar = calendar;
        this.clock = clock;
    }

    public Date after(String stage) {
        Integer days = limits.workingDays().get(stage);
        if (days == null) {
            throw new IllegalStateException("No time limit configured for stage '" + stage
                    + "' (jiuzhu.time-limits.working-days." + stage + ")");
        }
        LocalDate due = calendar.addWorkingDays(LocalDate.now(clock), days);
        return endOf(due);
    }

    /**
     * The end of today, whether or not it is a working day: the same-day stages of a declared
     * emergency (当日申请、当日审批) run on weekends and holidays too.
     */
    public Date sameDay() {
        return endOf(LocalDate.now(clock));
    }

    private Date endOf(LocalDate day) {
        return Date.from(day.atTime(LocalTime.MAX).atZone(clock.getZone()).toInstant());
    }
}
