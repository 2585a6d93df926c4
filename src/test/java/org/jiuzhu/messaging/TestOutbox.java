package org.jiuzhu.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.jiuzhu.casework.CaseRecords;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages queued as the processes queue them (by case number, one per test), read back from the table,
 * and senders with gateways and clocks of a test's choosing.
 */
final class TestOutbox {

    /** A row of notification_outbox as the sender left it. */
    record Row(long id, MessageStatus status, int attempts, Instant sentAt, Instant nextAttemptAt, String lastError,
               String claimedBy) {
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CaseRecords records;
    private final JdbcClient jdbc;

    TestOutbox(CaseRecords records, JdbcClient jdbc) {
        this.records = records;
        this.jdbc = jdbc;
    }

    /** Queues a message for a new case number and returns its id. */
    long queue(String phone) {
        String caseNo = "LS-SMS-" + UUID.randomUUID().toString().substring(0, 12);
        records.queueCaseMessage(caseNo, "TEMPORARY_APPROVED", phone, "您的临时救助申请（编号 " + caseNo + "）已批准。");
        return jdbc.sql("select id from notification_outbox where case_no = ?").param(caseNo)
                .query(Long.class).single();
    }

    String caseNo(long id) {
        return jdbc.sql("select case_no from notification_outbox where id = ?").param(id).query(String.class).single();
    }

    Row row(long id) {
        return jdbc.sql("select * from notification_outbox where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getLong("id"), MessageStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), instant(rs.getTimestamp("sent_at")),
                        instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                        rs.getString("claimed_by")))
                .single();
    }

    static SmsProperties settings(int maxAttempts, Duration firstBackOff, Duration maxBackOff, int chunkSize,
                                  Duration lease) {
        return new SmsProperties("log",
                new SmsProperties.Http(null, null, "X-Api-Key", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new SmsProperties.Sender(false, Duration.ofSeconds(15), chunkSize, lease),
                maxAttempts, firstBackOff, maxBackOff, Duration.ofDays(3));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
