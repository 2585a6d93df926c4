package org.jiuzhu.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Objections (异议) lodged against notices, and what the township found. */
@Repository
public class ObjectionRepository {

    public record Objection(long id, long noticeId, long applicationId, String content, String contact,
                            Instant lodgedAt, String outcome, String findings) {
    }

    /** The outcome of an objection the re-investigation after another, founded one took over. */
    public static final String SUPERSEDED = "superseded";

    private final JdbcClient jdbc;
    private final Clock clock;

    public ObjectionRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long insert(long noticeId, long applicationId, String content, String contact) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into objection (notice_id, application_id, content, contact, lodged_at) values (?, ?, ?, ?, ?)")
                .params(noticeId, applicationId, content, contact, Timestamp.from(clock.instant()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void recordOutcome(long objectionId, String outcome, String findings) {
        jdbc.sql("update objection set outcome = ?, findings = ?, handled_at = ? where id = ?")
                .params(outcome, findings, Timestamp.from(clock.instant()), objectionId).update();
    }

    /**
     * Objections of the application not checked yet, when a founded one withdrew the notice: the new
     * investigation takes them over, and the record says so.
     */
    public void supersedeOpen(long applicationId, String findings) {
        jdbc.sql("update objection set outcome = ?, findings = ?, handled_at = ? where application_id = ? and outcome is null")
                .params(SUPERSEDED, findings, Timestamp.from(clock.instant()), applicationId).update();
    }

    public List<Objection> forApplication(long applicationId) {
        return jdbc.sql("select * from objection where application_id = ? order by lodged_at, id").param(applicationId)
                .query((rs, row) -> new Objection(rs.getLong("id"), rs.getLong("notice_id"), rs.getLong("application_id"),
                        rs.getString("content"), rs.getString("contact"), rs.getTimestamp("lodged_at").toInstant(),
                        rs.getString("outcome"), rs.getString("findings")))
                .list();
    }
}
