package org.jiuzhu.casework;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which days are working days: Monday to Friday, except the days the administrator lists as
 * holidays (法定节假日), plus weekend days listed as make-up working days (调休上班).
 */
@Repository
public class WorkingCalendar {

    public record SpecialDay(LocalDate day, boolean working, String name) {
    }

    private final JdbcClient jdbc;

    public WorkingCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        Optional<Boolean> special = jdbc.sql("select working from working_calendar where calendar_day = ?")
                .param(Date.valueOf(day)).query(Boolean.class).optional();
        return special.orElseGet(() -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    /** The day {@code days} working days after {@code start}. */
    public LocalDate addWorkingDays(LocalDate start, int days) {
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

    public void put(LocalDate day, boolean working, String name) {
        jdbc.sql("delete from working_calendar where calendar_day = ?").param(Date.valueOf(day)).update();
        jdbc.sql("insert into working_calendar (calendar_day, working, name) values (?, ?, ?)")
                .params(Date.valueOf(day), working, name).update();
    }

    public void remove(LocalDate day) {
        jdbc.sql("delete from working_calendar where calendar_day = ?").param(Date.valueOf(day)).update();
    }

    public List<SpecialDay> specialDays(int year) {
        return jdbc.sql("select * from working_calendar where calendar_day between ? and ? order by calendar_day")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, row) -> new SpecialDay(rs.getDate("calendar_day").toLocalDate(), rs.getBoolean("working"),
                        rs.getString("name")))
                .list();
    }
}
