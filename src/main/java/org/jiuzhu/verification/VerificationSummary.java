package org.jiuzhu.verification;

import java.math.BigDecimal;
import java.util.List;

/** The verified economic situation of a household. */
public record VerificationSummary(BigDecimal monthlyIncome, BigDecimal deposits, int vehicleCount,
                                  int realEstateCount, int businessCount, int recordCount) {

    public static VerificationSummary of(List<VerificationRecord> records) {
        return new VerificationSummary(
                sum(records, VerificationKind.INCOME),
                sum(records, VerificationKind.DEPOSIT),
                count(records, VerificationKind.VEHICLE),
                count(records, VerificationKind.REAL_ESTATE),
                count(records, VerificationKind.BUSINESS),
                records.size());
    }

    private static BigDecimal sum(List<VerificationRecord> records, VerificationKind kind) {
        return records.stream().filter(r -> r.kind() == kind).map(VerificationRecord::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static int count(List<VerificationRecord> records, VerificationKind kind) {
        return (int) records.stream().filter(r -> r.kind() == kind).count();
    }
}
