package org.jiuzhu.emergency;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jiuzhu.organisation.UnitLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 三级备档、单独管理: same-day cases are kept apart from the regular ones, each filed by the village,
 * the township and the county, with the pledge that stood in for the verification.
 */
@Repository
public class EmergencyArchive {

    /** Where a same-day case stands in the archive. */
    public enum Outcome {
        IN_REVIEW("当日审批中"),
        REJECTED("不予救助"),
        ASSISTED("已给予急难救助，待补办手续"),
        HANDED_OVER("补办手续中（常规审核）"),
        ENROLLED("补办完成，已纳入低保"),
        NOT_ENROLLED("补办完成，未纳入低保"),
        RECOVERY("承诺不实，追回救助金"),
        STOPPED("不符合条件，停止救助");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record ArchivedCase(long applicationId, String applicationNo, String applicantName, long emergencyPeriodId,
                               String pledgeText, Instant pledgedAt, String villageCode, String villageName,
                               String townshipCode, String countyCode, Instant villageFiledAt, String villageFiledBy,
                               Instant townshipFiledAt, String townshipFiledBy, Instant countyFiledAt,
                               String countyFiledBy, BigDecimal grantedAmount, Instant catchUpStartedAt,
                               Outcome outcome) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public EmergencyArchive(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens the archive record of a same-day application, with its pledge; once. */
    public void open(long applicationId, long emergencyPeriodId, String pledgeText, String villageCode,
                     String townshipCode, String countyCode) {
        if (find(applicationId).isPresent()) {
            return;
        }
        jdbc.sql("""
                insert into emergency_case (application_id, emergency_period_id, pledge_text, pledged_at, village_code,
                    township_code, county_code)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, emergencyPeriodId, pledgeText, Timestamp.from(clock.instant()), villageCode,
                        townshipCode, countyCode)
                .update();
    }

    /** Files the case at one level (the first filing counts). */
    public void file(long applicationId, UnitLevel level, String by) {
        String column = switch (level) {
            case VILLAGE -> "village";
            case TOWNSHIP -> "township";
            case COUNTY -> "county";
        };
        jdbc.sql("update emergency_case set " + column + "_filed_at = ?, " + column + "_filed_by = ? where application_id = ? and "
                        + column + "_filed_at is null")
                .params(Timestamp.from(clock.instant()), by, applicationId).update();
    }

    public void granted(long applicationId, BigDecimal amount) {
        jdbc.sql("update emergency_case set granted_amount = ?, outcome = ? where application_id = ?")
                .params(amount, Outcome.ASSISTED.name(), applicationId).update();
    }

    public void catchUpStarted(long applicationId) {
        jdbc.sql("update emergency_case set catch_up_started_at = ? where application_id = ? and catch_up_started_at is null")
                .params(Timestamp.from(clock.instant()), applicationId).update();
    }

    public void outcome(long applicationId, Outcome outcome) {
        jdbc.sql("update emergency_case set outcome = ? where application_id = ?")
                .params(outcome.name(), applicationId).update();
    }

    public Optional<ArchivedCase> find(long applicationId) {
        return jdbc.sql(SELECT + " where e.application_id = ?").param(applicationId)
                .query((rs, row) -> archived(rs)).optional();
    }

    /**
     * The archive of one level for a set of villages: a level's archive holds the cases that level has
     * filed (村级备档, 乡镇备档, 县级备档), the latest first.
     */
    public List<ArchivedCase> filedAt(UnitLevel level, List<String> villageCodes) {
        if (villageCodes.isEmpty()) {
            return List.of();
        }
        String column = switch (level) {
            case VILLAGE -> "village";
            case TOWNSHIP -> "township";
            case COUNTY -> "county";
        };
        return jdbc.sql(SELECT + " where e." + column + "_filed_at is not null and e.village_code in (:villages) order by e."
                        + column + "_filed_at desc")
                .param("villages", villageCodes).query((rs, row) -> archived(rs)).list();
    }

    private static final String SELECT = """
            select e.*, a.application_no, a.applicant_name, u.name as village_name from emergency_case e
            join dibao_application a on a.id = e.application_id join admin_unit u on u.code = e.village_code""";

    private static ArchivedCase archived(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ArchivedCase(rs.getLong("application_id"), rs.getString("application_no"),
                rs.getString("applicant_name"), rs.getLong("emergency_period_id"), rs.getString("pledge_text"),
                instant(rs.getTimestamp("pledged_at")), rs.getString("village_code"), rs.getString("village_name"),
                rs.getString("township_code"), rs.getString("county_code"), instant(rs.getTimestamp("village_filed_at")),
                rs.getString("village_filed_by"), instant(rs.getTimestamp("township_filed_at")),
                rs.getString("township_filed_by"), instant(rs.getTimestamp("county_filed_at")),
                rs.getString("county_filed_by"), rs.getBigDecimal("granted_amount"),
                instant(rs.getTimestamp("catch_up_started_at")), Outcome.valueOf(rs.getString("outcome")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
