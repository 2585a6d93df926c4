package org.jiuzhu.casework;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The public notice board (公示栏). A notice holds only what may be public: masked name, village,
 * household size, assistance type and amount, and the notice period.
 */
@Repository
public class NoticeBoard {

    public enum Status { ACTIVE, ENDED, WITHDRAWN }

    public record Notice(long id, long applicationId, String villageCode, String villageName, String maskedName,
                         int householdSize, String assistanceType, BigDecimal proposedAmount, Instant startsAt,
                         Instant endsAt, Status status) {
    }

    private static final String SELECT = """
            select n.*, u.name as village_name from public_notice n join admin_unit u on u.code = n.village_code""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public NoticeBoard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Posts the notice unless the application has one on the board already (a retried job). */
    public Notice publish(long applicationId, String villageCode, String fullName, int householdSize,
                          String assistanceType, BigDecimal proposedAmount, Duration period) {
        Optional<Notice> active = activeForApplication(applicationId);
        if (active.isPresent()) {
            return active.get();
        }
        Instant start = clock.instant();
        Instant end = start.plus(period);
        jdbc.sql("""
                insert into public_notice (application_id, village_code, masked_name, household_size, assistance_type,
                    proposed_amount, starts_at, ends_at, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')""")
                .params(applicationId, villageCode, Masking.maskName(fullName), householdSize, assistanceType,
                        proposedAmount, Timestamp.from(start), Timestamp.from(end))
                .update();
        return activeForApplication(applicationId).orElseThrow();
    }

    /** Takes the application's notice off the board, as ended or withdrawn. */
    public void takeDown(long applicationId, Status status) {
        jdbc.sql("update public_notice set status = ? where application_id = ? and status = 'ACTIVE'")
                .params(status.name(), applicationId).update();
    }

    public Optional<Notice> activeForApplication(long applicationId) {
        return jdbc.sql(SELECT + " where n.application_id = ? and n.status = 'ACTIVE'").param(applicationId)
                .query(NoticeBoard::map).optional();
    }

    public Optional<Notice> find(long noticeId) {
        return jdbc.sql(SELECT + " where n.id = ?").param(noticeId).query(NoticeBoard::map).optional();
    }

    /** Every notice ever posted for the application, oldest first (the case file). */
    public List<Notice> forApplication(long applicationId) {
        return jdbc.sql(SELECT + " where n.application_id = ? order by n.starts_at, n.id").param(applicationId)
                .query(NoticeBoard::map).list();
    }

    /** Notices on the board now, optionally of one village, newest first. */
    public List<Notice> active(String villageCode) {
        if (villageCode == null || villageCode.isBlank()) {
            return jdbc.sql(SELECT + " where n.status = 'ACTIVE' order by n.starts_at desc, n.id desc")
                    .query(NoticeBoard::map).list();
        }
        return jdbc.sql(SELECT + " where n.status = 'ACTIVE' and n.village_code = ? order by n.starts_at desc, n.id desc")
                .param(villageCode).query(NoticeBoard::map).list();
    }

    private static Notice map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Notice(rs.getLong("id"), rs.getLong("application_id"), rs.getString("village_code"),
                rs.getString("village_name"), rs.getString("masked_name"), rs.getInt("household_size"),
                rs.getString("assistance_type"), rs.getBigDecimal("proposed_amount"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                Status.valueOf(rs.getString("status")));
    }
}
