package org.jiuzhu.temporary;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** 临时救助 cases and the decisions taken on them. */
@Repository
public class TemporaryAssistanceCases {

    /** One decision on a case: the stage (task name), what was decided, the amount and the details. */
    public record Decision(String stage, String decision, BigDecimal amount, String details, String decidedBy,
                           Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public TemporaryAssistanceCases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a new case; returns its id. {@code villageCode} is null for a case of a township. */
    public long insert(String caseNo, TemporaryAssistanceForm form, String villageCode, String townshipCode,
                       String countyCode, String submittedBy, String processInstanceId, Instant submittedAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into temporary_assistance_case (case_no, assistance_type, reason, applicant_name,
                    applicant_id_number, applicant_phone, household_size, resident, household_registration,
                    village_code, township_code, county_code, hardship_description, requested_amount, urgent,
                    submitted_by, submitted_at, process_instance_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNo, form.assistanceType.name(), form.reason.name(), form.applicantName.strip(),
                        form.applicantIdNumber.strip().toUpperCase(), form.applicantPhone.strip(), form.householdSize,
                        form.resident, form.resident ? null : form.householdRegistration.strip(), villageCode,
                        townshipCode, countyCode, form.hardshipDescription.strip(), form.requestedAmount, form.urgent,
                        submittedBy, Timestamp.from(submittedAt), processInstanceId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public TemporaryAssistanceCase get(long id) {
        return jdbc.sql("select * from temporary_assistance_case where id = ?").param(id)
                .query(TemporaryAssistanceCases::map).optional()
                .orElseThrow(() -> new IllegalStateException("No temporary assistance case " + id));
    }

    public Optional<TemporaryAssistanceCase> findByCaseNo(String caseNo) {
        return jdbc.sql("select * from temporary_assistance_case where case_no = ?").param(caseNo)
                .query(TemporaryAssistanceCases::map).optional();
    }

    public void storeSuggestion(long id, BigDecimal amount, String basis) {
        jdbc.sql("update temporary_assistance_case set suggested_amount = ?, suggestion_basis = ? where id = ?")
                .params(amount, basis, id).update();
    }

    public void storeRoute(long id, String route) {
        jdbc.sql("update temporary_assistance_case set approval_route = ? where id = ?").params(route, id).update();
    }

    /** Closes the case with its written decision, once: a second call (a retried job) changes nothing. */
    public boolean decide(long id, TemporaryAssistanceCase.Status status, BigDecimal decidedAmount, String notice) {
        return jdbc.sql("""
                update temporary_assistance_case set status = ?, decided_amount = ?, decision_notice = ?, decided_at = ?
                where id = ? and decision_notice is null""")
                .params(status.name(), decidedAmount, notice, Timestamp.from(clock.instant()), id)
                .update() > 0;
    }

    public void recordDecision(long caseId, String stage, String decision, BigDecimal amount, String details,
                               String decidedBy) {
        jdbc.sql("""
                insert into temporary_assistance_decision (case_id, stage, decision, amount, details, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, stage, decision, amount, details, decidedBy, Timestamp.from(clock.instant()))
                .update();
    }

    public List<Decision> decisions(long caseId) {
        return jdbc.sql("select * from temporary_assistance_decision where case_id = ? order by decided_at, id")
                .param(caseId)
                .query((rs, row) -> new Decision(rs.getString("stage"), rs.getString("decision"),
                        rs.getBigDecimal("amount"), rs.getString("details"), rs.getString("decided_by"),
                        rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    private static TemporaryAssistanceCase map(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new TemporaryAssistanceCase(rs.getLong("id"), rs.getString("case_no"),
                AssistanceType.valueOf(rs.getString("assistance_type")), HardshipReason.valueOf(rs.getString("reason")),
                rs.getString("applicant_name"), rs.getString("applicant_id_number"), rs.getString("applicant_phone"),
                rs.getInt("household_size"), rs.getBoolean("resident"), rs.getString("household_registration"),
                rs.getString("village_code"), rs.getString("township_code"), rs.getString("county_code"),
                rs.getString("hardship_description"), rs.getBigDecimal("requested_amount"), rs.getBoolean("urgent"),
                TemporaryAssistanceCase.Status.valueOf(rs.getString("status")), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getString("process_instance_id"),
                rs.getBigDecimal("suggested_amount"), rs.getString("suggestion_basis"), rs.getString("approval_route"),
                rs.getBigDecimal("decided_amount"), rs.getString("decision_notice"),
                decidedAt == null ? null : decidedAt.toInstant());
    }
}
