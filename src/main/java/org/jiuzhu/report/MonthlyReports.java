package org.jiuzhu.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jiuzhu.organisation.AdminUnit;
import org.jiuzhu.organisation.AdminUnitRepository;
import org.jiuzhu.organisation.UnitLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月报: what each township did in a month — applications received (of them same-day emergency cases),
 * temporary assistance cases, households approved and refused, the monthly amounts newly granted and
 * the one-off payments, tasks that went overdue. Made for every township, a few per job on the reporting
 * day; making a month again replaces its figures.
 */
@Service
public class MonthlyReports {

    /** The figures of one township in one month. */
    public record Figures(int applicationsReceived, int emergencyCases, int temporaryCases, int approved, int rejected,
                          BigDecimal monthlyAmountGranted, BigDecimal oneOffAmountPaid, int overdueTasks) {

        public Figures plus(Figures other) {
            return new Figures(applicationsReceived + other.applicationsReceived, emergencyCases + other.emergencyCases,
                    temporaryCases + other.temporaryCases, approved + other.approved, rejected + other.rejected,
                    monthlyAmountGranted.add(other.monthlyAmountGranted), oneOffAmountPaid.add(other.oneOffAmountPaid),
                    overdueTasks + other.overdueTasks);
        }

        public static Figures none() {
            return new Figures(0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0);
        }
    }

    /** A stored report. */
    public record Report(long id, String townshipCode, String townshipName, String countyCode, YearMonth month,
                         Figures figures, Instant generatedAt, String generatedBy) {
    }

    private final JdbcClient jdbc;
    private final AdminUnitRepository units;
    private final Clock clock;

    public MonthlyReports(JdbcClient jdbc, AdminUnitRepository units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    /** The month a report made today is about: the one before. */
    public YearMonth previousMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** Makes the month's report of every township; returns how many. */
    @Transactional
    public int generate(YearMonth month, String by) {
        List<AdminUnit> townships = townships().toList();
        townships.forEach(township -> store(township, month, by));
        return townships.size();
    }

    /** What one batch of the reporting day made: how many reports, the last township's code, whether any is left. */
    public record Batch(int made, String lastTownshipCode, boolean more) {
    }

    /**
     * Makes the month's report of the next townships in the order of their codes, at most {@code limit},
     * those after {@code afterCode} (null: from the first). The reporting day makes a few townships per
     * job, so that no job outlasts the job executor's lock however many townships there are.
     */
    @Transactional
    public Batch generateNext(YearMonth month, String afterCode, int limit, String by) {
        List<AdminUnit> next = townships().filter(t -> afterCode == null || t.code().compareTo(afterCode) > 0)
                .sorted(Comparator.comparing(AdminUnit::code)).limit(limit + 1L).toList();
        List<AdminUnit> batch = next.subList(0, Math.min(limit, next.size()));
        batch.forEach(township -> store(township, month, by));
        return new Batch(batch.size(), batch.isEmpty() ? afterCode : batch.get(batch.size() - 1).code(),
                next.size() > limit);
    }

    private Stream<AdminUnit> townships() {
        return units.findAll().stream().filter(u -> u.level() == UnitLevel.TOWNSHIP);
    }

    private void store(AdminUnit township, YearMonth month, String by) {
        Figures f = figuresOf(township.code(), month);
        jdbc.sql("delete from monthly_report where township_code = ? and report_month = ?")
                .params(township.code(), month.toString()).update();
        jdbc.sql("""
                insert into monthly_report (township_code, county_code, report_month, applications_received,
                    emergency_cases, temporary_cases, approved, rejected, monthly_amount_granted, one_off_amount_paid,
                    overdue_tasks, generated_at, generated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(township.code(), township.parentCode(), month.toString(), f.applicationsReceived(),
                        f.emergencyCases(), f.temporaryCases(), f.approved(), f.rejected(), f.monthlyAmountGranted(),
                        f.oneOffAmountPaid(), f.overdueTasks(), Timestamp.from(clock.instant()), by)
                .update();
    }

    /** The figures as they stand now (the report keeps them as they stood when it was made). */
    public Figures figuresOf(String townshipCode, YearMonth month) {
        ZoneId zone = clock.getZone();
        Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        int received = count("select count(*) from dibao_application where township_code = ? and submitted_at >= ? and submitted_at < ?",
                townshipCode, from, to);
        int emergency = count("select count(*) from emergency_case where township_code = ? and pledged_at >= ? and pledged_at < ?",
                townshipCode, from, to);
        int temporary = count("select count(*) from temporary_assistance_case where township_code = ? and submitted_at >= ? and submitted_at < ?",
                townshipCode, from, to);
        int approved = count("""
                select count(*) from recipient r join dibao_application a on a.id = r.application_id
                where a.township_code = ? and r.enrolled_at >= ? and r.enrolled_at < ?""", townshipCode, from, to);
        BigDecimal granted = amount("""
                select coalesce(sum(r.monthly_amount), 0) from recipient r join dibao_application a on a.id = r.application_id
                where a.township_code = ? and r.enrolled_at >= ? and r.enrolled_at < ?""", townshipCode, from, to);
        int rejected = count("""
                select count(*) from written_notice w join dibao_application a on a.id = w.application_id
                where a.township_code = ? and w.outcome = 'REJECTED' and w.issued_at >= ? and w.issued_at < ?""",
                townshipCode, from, to);
        BigDecimal paid = amount("select coalesce(sum(amount), 0) from payment_record where township_code = ? and paid_at >= ? and paid_at < ?",
                townshipCode, from, to);
        int overdue = count("select count(*) from supervision_record where township_code = ? and overdue_since >= ? and overdue_since < ?",
                townshipCode, from, to);
        return new Figures(received, emergency, temporary, approved, rejected, granted, paid, overdue);
    }

    /** The reports of these townships, the latest month first. */
    public List<Report> of(List<String> townshipCodes) {
        if (townshipCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.township_code in (:townships) order by r.report_month desc, r.township_code")
                .param("townships", townshipCodes).query((rs, row) -> report(rs)).list();
    }

    public List<Report> ofMonth(YearMonth month, List<String> townshipCodes) {
        if (townshipCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where r.report_month = :month and r.township_code in (:townships) order by r.township_code")
                .param("month", month.toString()).param("townships", townshipCodes).query((rs, row) -> report(rs)).list();
    }

    public Optional<Report> find(String townshipCode, YearMonth month) {
        return ofMonth(month, List.of(townshipCode)).stream().findFirst();
    }

    private int count(String sql, String townshipCode, Timestamp from, Timestamp to) {
        return jdbc.sql(sql).params(townshipCode, from, to).query(Long.class).single().intValue();
    }

    private BigDecimal amount(String sql, String townshipCode, Timestamp from, Timestamp to) {
        BigDecimal value = jdbc.sql(sql).params(townshipCode, from, to).query(BigDecimal.class).single();
        return value == null ? BigDecimal.ZERO : value;
    }

    private static final String SELECT = """
            select r.*, u.name as township_name from monthly_report r join admin_unit u on u.code = r.township_code""";

    private static Report report(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Report(rs.getLong("id"), rs.getString("township_code"), rs.getString("township_name"),
                rs.getString("county_code"), YearMonth.parse(rs.getString("report_month")),
                new Figures(rs.getInt("applications_received"), rs.getInt("emergency_cases"), rs.getInt("temporary_cases"),
                        rs.getInt("approved"), rs.getInt("rejected"), rs.getBigDecimal("monthly_amount_granted"),
                        rs.getBigDecimal("one_off_amount_paid"), rs.getInt("overdue_tasks")),
                rs.getTimestamp("generated_at").toInstant(), rs.getString("generated_by"));
    }
}
