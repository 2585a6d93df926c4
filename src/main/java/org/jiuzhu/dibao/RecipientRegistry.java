package org.jiuzhu.dibao;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry of households receiving dibao or 特困 support (救助对象台账). */
@Repository
public class RecipientRegistry {

    /** A person found in the registry. */
    public record RegisteredPerson(String name, String idNumber, String category) {
    }

    /** An enrolled household. */
    public record Recipient(long id, Long applicationId, String category, String villageCode, String headName,
                            BigDecimal monthlyAmount, String startMonth, LocalDate nextReviewDate, boolean active) {
    }

    private final JdbcClient jdbc;

    public RecipientRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these ID numbers belong to someone receiving support now. */
    public List<RegisteredPerson> activeAmong(Collection<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select m.name, m.id_number, r.category from recipient_member m
                join recipient r on r.id = m.recipient_id
                where r.active and m.id_number in (:ids)""")
                .param("ids", idNumbers)
                .query((rs, row) -> new RegisteredPerson(rs.getString("name"), rs.getString("id_number"),
                        rs.getString("category")))
                .list();
    }

    public Optional<Recipient> findByApplication(long applicationId) {
        return jdbc.sql("select * from recipient where application_id = ?").param(applicationId)
                .query((rs, row) -> new Recipient(rs.getLong("id"), rs.getLong("application_id"),
                        rs.getString("category"), rs.getString("village_code"), rs.getString("head_name"),
                        rs.getBigDecimal("monthly_amount"), rs.getString("start_month"),
                        rs.getDate("next_review_date").toLocalDate(), rs.getBoolean("active")))
                .optional();
    }

    /** Enrols a household with its members; returns the new recipient id. */
    public long enrol(Long applicationId, String category, String villageCode, String headName,
                      BigDecimal monthlyAmount, YearMonth startMonth, LocalDate nextReviewDate,
                      List<RegisteredPerson> members, Instant enrolledAt) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into recipient (application_id, category, village_code, head_name, monthly_amount,
                    start_month, next_review_date, active, enrolled_at)
                values (?, ?, ?, ?, ?, ?, ?, true, ?)""")
                .params(applicationId, category, villageCode, headName, monthlyAmount, startMonth.toString(),
                        Date.valueOf(nextReviewDate), Timestamp.from(enrolledAt))
                .update(keys, "id");
        long recipientId = keys.getKey().longValue();
        for (RegisteredPerson member : members) {
            jdbc.sql("insert into recipient_member (recipient_id, name, id_number) values (?, ?, ?)")
                    .params(recipientId, member.name(), member.idNumber()).update();
        }
        return recipientId;
    }
}
