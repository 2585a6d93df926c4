package org.jiuzhu.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The verified economic situation per application; a re-run of the verification replaces it. */
@Repository
public class EconomicVerificationRepository {

    private final JdbcClient jdbc;

    public EconomicVerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long applicationId, VerificationSummary summary, Instant verifiedAt) {
        jdbc.sql("delete from economic_verification where application_id = ?").param(applicationId).update();
        jdbc.sql("""
                insert into economic_verification (application_id, monthly_income, deposits, vehicle_count,
                    real_estate_count, business_count, record_count, verified_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, summary.monthlyIncome(), summary.deposits(), summary.vehicleCount(),
                        summary.realEstateCount(), summary.businessCount(), summary.recordCount(),
                        Timestamp.from(verifiedAt))
                .update();
    }

    public Optional<VerificationSummary> find(long applicationId) {
        return jdbc.sql("select * from economic_verification where application_id = ?").param(applicationId)
                .query((rs, row) -> new VerificationSummary(rs.getBigDecimal("monthly_income"),
                        rs.getBigDecimal("deposits"), rs.getInt("vehicle_count"), rs.getInt("real_estate_count"),
                        rs.getInt("business_count"), rs.getInt("record_count")))
                .optional();
    }
}
