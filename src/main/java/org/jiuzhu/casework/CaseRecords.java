package org.jiuzhu.casework;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What is recorded on a case besides the application: decisions (with the household snapshot they
 * were based on), the written notice to the applicant, and messages in the outbox.
 */
@Repository
public class CaseRecords {

    public record Decision(String stage, String decision, BigDecimal amount, String reason, String decidedBy,
                           java.time.Instant decidedAt) {
    }

    public record WrittenNotice(String outcome, String stage, String content, java.time.Instant issuedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public CaseRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void recordDecision(long applicationId, String stage, String decision, BigDecimal amount, String reason,
                               String decidedBy, String snapshot) {
        jdbc.sql("""
                insert into case_decision (application_id, stage, decision, amount, reason, decided_by, decided_at, snapshot)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, stage, decision, amount, reason, decidedBy, Timestamp.from(clock.instant()),
                        snapshot)
                .update();
    }

    public List<Decision> decisions(long applicationId) {
        return jdbc.sql("select * from case_decision where application_id = ? order by decided_at, id")
                .param(applicationId)
                .query((rs, row) -> new Decision(rs.getString("stage"), rs.getString("decision"),
                        rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("decided_by"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    /** Issues the written notice once; a second call (a retried job) changes nothing. */
    public void issueWrittenNotice(long applicationId, String outcome, String stage, String content) {
        if (writtenNotice(applicationId).isPresent()) {
            return;
        }
        jdbc.sql("insert into written_notice (application_id, outcome, stage, content, issued_at) values (?, ?, ?, ?, ?)")
                .params(applicationId, outcome, stage, content, Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<WrittenNotice> writtenNotice(long applicationId) {
        return jdbc.sql("select * from written_notice where application_id = ?").param(applicationId)
                .query((rs, row) -> new WrittenNotice(rs.getString("outcome"), rs.getString("stage"),
                        rs.getString("content"), rs.getTimestamp("issued_at").toInstant()))
                .optional();
    }

    /** Queues a message to the applicant once per kind. */
    public void queueMessage(long applicationId, String kind, String phone, String content) {
        long existing = jdbc.sql("select count(*) from notification_outbox where application_id = ? and kind = ?")
                .params(applicationId, kind).query(Long.class).single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("insert into notification_outbox (application_id, kind, phone, content, created_at) values (?, ?, ?, ?, ?)")
                .params(applicationId, kind, phone, content, Timestamp.from(clock.instant()))
                .update();
    }

    /** Queues a message once per kind for a case that is not a dibao application (临时救助), by its number. */
    public void queueCaseMessage(String caseNo, String kind, String phone, String content) {
        long existing = jdbc.sql("select count(*) from notification_outbox where case_no = ? and kind = ?")
                .params(caseNo, kind).query(Long.class).single();
        if (existing > 0) {
            return;
        }
        jdbc.sql("insert into notification_outbox (case_no, kind, phone, content, created_at) values (?, ?, ?, ?, ?)")
                .params(caseNo, kind, phone, content, Timestamp.from(clock.instant()))
                .update();
    }

    public List<String> queuedCaseMessages(String caseNo) {
        return jdbc.sql("select content from notification_outbox where case_no = ? order by id")
                .param(caseNo).query(String.class).list();
    }

    public List<String> queuedMessages(long applicationId) {
        return jdbc.sql("select content from notification_outbox where application_id = ? order by id")
                .param(applicationId).query(String.class).list();
    }
}
