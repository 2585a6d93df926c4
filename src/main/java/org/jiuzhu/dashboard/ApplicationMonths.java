package org.jiuzhu.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiuzhu.dibao.ApplicationRegistered;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 每月申请量: applications counted per month for their village, township and county as they are stored. */
@Component
class ApplicationMonths {

    private final JdbcClient jdbc;
    private final MonthlySums sums;
    private final ZoneId zone;

    ApplicationMonths(JdbcClient jdbc, MonthlySums sums, Clock clock) {
        this.jdbc = jdbc;
        this.sums = sums;
        this.zone = clock.getZone();
    }

    @EventListener
    void count(ApplicationRegistered application) {
        LocalDate month = LocalDate.ofInstant(application.submittedAt(), zone).withDayOfMonth(1);
        // The village only: townships and the county add up their villages' rows when they read them.
        CountedUnit unit = new CountedUnit(application.villageCode(), UnitLevel.VILLAGE.name());
        sums.add("update application_month set applications = applications + 1 where unit_code = ? and month_start = ?",
                new Object[] {unit.code(), month},
                "insert into application_month (unit_code, unit_level, month_start, applications) values (?, ?, ?, 1)",
                new Object[] {unit.code(), unit.level(), month});
    }

    /** Applications per month of the scope, from {@code first} to {@code last}; months without any are missing. */
    Map<YearMonth, Long> perMonth(DashboardScope scope, YearMonth first, YearMonth last) {
        DashboardScope.SqlCondition inScope = scope.unitCodeCondition("m.unit_code");
        var sql = jdbc.sql("""
                select m.month_start, sum(m.applications) as applications from application_month m
                where %s and m.month_start >= :from and m.month_start <= :to
                group by m.month_start""".formatted(inScope.sql()))
                .params(inScope.params())
                .param("from", first.atDay(1))
                .param("to", last.atDay(1));
        Map<YearMonth, Long> months = new HashMap<>();
        sql.query((rs, row) -> Map.entry(YearMonth.from(rs.getDate("month_start").toLocalDate()),
                rs.getLong("applications"))).list().forEach(e -> months.put(e.getKey(), e.getValue()));
        return months;
    }
}
