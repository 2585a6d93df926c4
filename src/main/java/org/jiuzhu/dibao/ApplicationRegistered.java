package org.jiuzhu.dibao;

import java.time.Instant;

/** An application was stored (published in the transaction that stores it). */
public record ApplicationRegistered(long applicationId, String villageCode, String townshipCode, String countyCode,
                                    Instant submittedAt) {
}
