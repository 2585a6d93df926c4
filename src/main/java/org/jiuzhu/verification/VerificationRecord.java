package org.jiuzhu.verification;

import java.math.BigDecimal;

public record VerificationRecord(String idNumber, VerificationKind kind, String description, BigDecimal amount,
                                 String source) {
}
