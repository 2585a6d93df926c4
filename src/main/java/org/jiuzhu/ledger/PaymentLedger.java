package org.jiuzhu.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 救助资金台账: every amount granted, by case and household. A payment is recorded once per payment
 * key, so a retried job or a repeated form submission never pays twice.
 */
@Repository
public class PaymentLedger {

    /** What a payment was for. */
    public enum Kind {
        /** 急难救助当日审批: one month at the urban dibao standard. */
        EMERGENCY_SAME_DAY("急难救助（当日审批）"),
        /** 临时救助 as decided. */
        TEMPORARY_ASSISTANCE("临时救助"),
        /** 先行救助 before the review. */
        AID_FIRST("先行救助");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One payment to be recorded. {@code paymentKey} makes it happen once. */
    public record Payment(String paymentKey, String caseNo, Kind kind, String householdIdNumber, String payeeName,
                          String villageCode, String townshipCode, String countyCode, BigDecimal amount,
                          String reason, String recordedBy) {
    }

    /** A recorded payment. */
    public record Entry(long id, String paymentKey, String caseNo, Kind kind, String householdIdNumber,
                        String payeeName, String villageCode, String townshipCode, String countyCode,
                        BigDecimal amount, String reason, Instant paidAt, String recordedBy) {
    }

    private final JdbcClient jdbc;

    public PaymentLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the payment unless one with its key exists; returns whether it was recorded now. */
    public boolean record(Payment payment, Instant paidAt) {
        if (payment.amount().signum() <= 0) {
            throw new IllegalArgumentException("A payment must be positive: " + payment.amount());
        }
        long existing = jdbc.sql("select count(*) from payment_record where payment_key = ?")
                .param(payment.paymentKey()).query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                insert into payment_record (payment_key, case_no, kind, household_id_number, payee_name, village_code,
                    township_code, county_code, amount, reason, paid_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(payment.paymentKey(), payment.caseNo(), payment.kind().name(),
                        payment.householdIdNumber().toUpperCase(), payment.payeeName(), payment.villageCode(),
                        payment.townshipCode(), payment.countyCode(), payment.amount(), payment.reason(),
                        Timestamp.from(paidAt), payment.recordedBy())
                .update();
        return true;
    }

    public List<Entry> ofCase(String caseNo) {
        return jdbc.sql("select * from payment_record where case_no = ? order by paid_at, id").param(caseNo)
                .query((rs, row) -> entry(rs)).list();
    }

    /** The total paid to the household in the calendar year of {@code day}, all cases and kinds together. */
    public BigDecimal yearlyTotal(String householdIdNumber, LocalDate day, ZoneId zone) {
        return yearlyTotalExcept(householdIdNumber, day, zone, null);
    }

    /** As {@link #yearlyTotal}, leaving out the payments of one case (whose own amount is being decided). */
    public BigDecimal yearlyTotalExcept(String householdIdNumber, LocalDate day, ZoneId zone, String caseNo) {
        Instant from = LocalDate.of(day.getYear(), 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(day.getYear() + 1, 1, 1).atStartOfDay(zone).toInstant();
        BigDecimal total = jdbc.sql("""
                select coalesce(sum(amount), 0) from payment_record
                where household_id_number = :household and paid_at >= :from and paid_at < :to
                and case_no <> :caseNo""")
                .param("household", householdIdNumber.toUpperCase())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("caseNo", caseNo == null ? "" : caseNo)
                .query(BigDecimal.class).single();
        return total == null ? BigDecimal.ZERO : total;
    }

    /** The payments of a period for a set of townships (the monthly report and the ledger export). */
    public List<Entry> between(Instant from, Instant to, List<String> townshipCodes) {
        if (townshipCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from payment_record where paid_at >= :from and paid_at < :to and township_code in (:townships)
                order by paid_at, id""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("townships", townshipCodes)
                .query((rs, row) -> entry(rs)).list();
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getString("payment_key"), rs.getString("case_no"),
                Kind.valueOf(rs.getString("kind")), rs.getString("household_id_number"), rs.getString("payee_name"),
                rs.getString("village_code"), rs.getString("township_code"), rs.getString("county_code"),
                rs.getBigDecimal("amount"), rs.getString("reason"), rs.getTimestamp("paid_at").toInstant(),
                rs.getString("recorded_by"));
    }
}
