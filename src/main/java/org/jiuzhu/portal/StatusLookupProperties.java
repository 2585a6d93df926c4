package org.jiuzhu.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the progress lookup ({@code jiuzhu.status-lookup.*}), per client address.
 *
 * @param maxMissesPerNumber misses for one application number within the window that refuse the address
 * @param maxMissesPerClient misses in all within the window that refuse the address
 * @param window             how far back misses count
 */
@ConfigurationProperties("jiuzhu.status-lookup")
public record StatusLookupProperties(int maxMissesPerNumber, int maxMissesPerClient, Duration window) {
}
