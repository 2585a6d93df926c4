package org.jiuzhu.emergency;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 责任追究: a false pledge on a case, the funds to recover and what the township recovered. */
@Repository
public class LiabilityRecords {

    public record Liability(String caseNo, Long applicationId, String finding, BigDecimal amountToRecover,
                            Instant recordedAt, BigDecimal recoveredAmount, String recoveryNote, String recoveredBy,
                            Instant recoveredAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public LiabilityRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the liability of a case once. */
    public void record(String caseNo, Long applicationId, String finding, BigDecimal amountToRecover) {
        if (find(caseNo).isPresent()) {
            return;
        }
        jdbc.sql("""
                insert into liability_record (case_no, application_id, finding, amount_to_recover, recorded_at)
                values (?, ?, ?, ?, ?)""")
                .params(caseNo, applicationId, finding, amountToRecover, Timestamp.from(clock.instant()))
                .update();
    }

    public void recovered(String caseNo, BigDecimal amount, String note, String by) {
        jdbc.sql("""
                update liability_record set recovered_amount = ?, recovery_note = ?, recovered_by = ?, recovered_at = ?
                where case_no = ?""")
                .params(amount, note, by, Timestamp.from(clock.instant()), caseNo).update();
    }

    public Optional<Liability> find(String caseNo) {
        return jdbc.sql("select * from liability_record where case_no = ?").param(caseNo)
                .query((rs, row) -> {
                    Timestamp recoveredAt = rs.getTimestamp("recovered_at");
                    long applicationId = rs.getLong("application_id");
                    return new Liability(rs.getString("case_no"), rs.wasNull() ? null : applicationId,
                            rs.getString("finding"), rs.getBigDecimal("amount_to_recover"),
                            rs.getTimestamp("recorded_at").toInstant(), rs.getBigDecimal("recovered_amount"),
                            rs.getString("recovery_note"), rs.getString("recovered_by"),
                            recoveredAt == null ? null : recoveredAt.toInstant());
                })
                .optional();
    }
}
