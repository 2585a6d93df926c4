package org.jiuzhu.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's view of {@code notification_outbox} (messages are queued by {@code CaseRecords}). A node
 * claims due messages with {@code FOR UPDATE SKIP LOCKED} and marks them 发送中 with its claim and a lease
 * in one short transaction: another node skips them meanwhile, and takes them up only once the lease has
 * run out. Every later change names the claim, so a node whose lease ran out changes nothing.
 */
@Repository
public class OutboxMessages {

    /** A message claimed for sending; {@code attempts} includes this one. */
    public record Claimed(long id, String phone, String content, int attempts) {

        /** The same for every attempt of the message: a gateway may drop repeats by it. */
        public String reference() {
            return "jiuzhu-" + id;
        }
    }

    /** One line of the administrators' list: the phone masked, the case by its number. */
    public record Entry(long id, String caseNo, String kind, String maskedPhone, MessageStatus status, int attempts,
                        Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, String lastError,
                        String resentBy) {
    }

    private static final String DUE = """
            ((status = 'PENDING' and (next_attempt_at is null or next_attempt_at <= :now))
                or (status = 'SENDING' and claimed_until < :now))""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public OutboxMessages(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    /** Claims up to {@code limit} due messages for {@code claimant} until {@code now + lease}; oldest first. */
    public List<Claimed> claimDue(String claimant, Instant now, Duration lease, int limit) {
        return transaction.execute(status -> {
            List<Long> ids = jdbc.sql("select id from notification_outbox where " + DUE + """
                             order by coalesce(next_attempt_at, created_at), id
                             fetch first :limit rows only
                             for update skip locked""")
                    .param("now", Timestamp.from(now))
                    .param("limit", limit)
                    .query(Long.class).list();
            if (ids.isEmpty()) {
                return List.of();
            }
            jdbc.sql("""
                            update notification_outbox
                            set status = 'SENDING', claimed_by = :claimant, claimed_until = :until,
                                attempts = attempts + 1, last_attempt_at = :now
                            where id in (:ids) and""" + " " + DUE)
                    .param("claimant", claimant)
                    .param("until", Timestamp.from(now.plus(lease)))
                    .param("now", Timestamp.from(now))
                    .param("ids", ids)
                    .update();
            return jdbc.sql("""
                            select id, phone, content, attempts from notification_outbox
                            where id in (:ids) and claimed_by = :claimant and status = 'SENDING'
                            order by coalesce(next_attempt_at, created_at), id""")
                    .param("ids", ids)
                    .param("claimant", claimant)
                    .query((rs, row) -> new Claimed(rs.getLong("id"), rs.getString("phone"), rs.getString("content"),
                            rs.getInt("attempts")))
                    .list();
        });
    }

    public boolean markSent(long id, String claimant, Instant now) {
        return jdbc.sql("""
                        update notification_outbox
                        set status = 'SENT', sent_at = :now, last_error = null, next_attempt_at = null,
                            claimed_by = null, claimed_until = null
                        where id = :id and claimed_by = :claimant and status = 'SENDING'""")
                .param("now", Timestamp.from(now)).param("id", id).param("claimant", claimant)
                .update() == 1;
    }

    public boolean markForRetry(long id, String claimant, Instant nextAttempt, String error) {
        return jdbc.sql("""
                        update notification_outbox
                        set status = 'PENDING', next_attempt_at = :next, last_error = :error,
                            claimed_by = null, claimed_until = null
                        where id = :id and claimed_by = :claimant and status = 'SENDING'""")
                .param("next", Timestamp.from(nextAttempt)).param("error", shorten(error))
                .param("id", id).param("claimant", claimant)
                .update() == 1;
    }

    public boolean markFailed(long id, String claimant, String error) {
        return jdbc.sql("""
                        update notification_outbox
                        set status = 'FAILED', next_attempt_at = null, last_error = :error,
                            claimed_by = null, claimed_until = null
                        where id = :id and claimed_by = :claimant and status = 'SENDING'""")
                .param("error", shorten(error)).param("id", id).param("claimant", claimant)
                .update() == 1;
    }

    /** Gives back a claimed message that was not tried after all (the lease was too short, the node stops). */
    public void release(long id, String claimant) {
        jdbc.sql("""
                        update notification_outbox
                        set status = 'PENDING', attempts = attempts - 1, claimed_by = null, claimed_until = null
                        where id = :id and claimed_by = :claimant and status = 'SENDING'""")
                .param("id", id).param("claimant", claimant)
                .update();
    }

    /**
     * Marks 发送失败 every unsent message queued (or sent again by an administrator) before {@code cutoff}
     * and not being sent right now; returns how many.
     */
    public int expire(Instant cutoff, Instant now, String error) {
        return jdbc.sql("""
                        update notification_outbox
                        set status = 'FAILED', next_attempt_at = null, last_error = :error,
                            claimed_by = null, claimed_until = null
                        where coalesce(resent_at, created_at) < :cutoff
                            and (status = 'PENDING' or (status = 'SENDING' and claimed_until < :now))""")
                .param("error", shorten(error))
                .param("cutoff", Timestamp.from(cutoff))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** 重新发送: a failed message is due again at once with a fresh count of attempts. */
    public boolean resend(long id, String administrator, Instant now) {
        return jdbc.sql("""
                        update notification_outbox
                        set status = 'PENDING', attempts = 0, next_attempt_at = :now,
                            resent_by = :administrator, resent_at = :now
                        where id = :id and status = 'FAILED'""")
                .param("now", Timestamp.from(now))
                .param("administrator", administrator)
                .param("id", id)
                .update() == 1;
    }

    /** Messages in these states, newest first, at most {@code limit}. */
    public List<Entry> list(List<MessageStatus> statuses, int limit) {
        return jdbc.sql("""
                        select o.id, coalesce(o.case_no, a.application_no) as case_no, o.kind, o.phone, o.status,
                            o.attempts, o.created_at, o.last_attempt_at, o.next_attempt_at, o.last_error, o.resent_by
                        from notification_outbox o
                        left join dibao_application a on a.id = o.application_id
                        where o.status in (:statuses)
                        order by o.created_at desc, o.id desc
                        fetch first :limit rows only""")
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("case_no"), rs.getString("kind"),
                        PhoneNumbers.mask(rs.getString("phone")), MessageStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_attempt_at")), instant(rs.getTimestamp("next_attempt_at")),
                        rs.getString("last_error"), rs.getString("resent_by")))
                .list();
    }

    public Map<MessageStatus, Long> countsByStatus() {
        Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
        for (MessageStatus status : MessageStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from notification_outbox group by status")
                .query(rs -> {
                    counts.put(MessageStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Fits the column; the reason is for a person, so one line. */
    static String shorten(String error) {
        String text = error == null ? "未知原因" : error.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() > 300 ? text.substring(0, 299) + "…" : text;
    }
}
