package org.jiuzhu.system.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins slow down guessing ({@code jiuzhu.login.*}), on every path that checks a password.
 *
 * @param client       per client address: too many failures within the window refuse the address until
 *                     enough of them are older than the window
 * @param user         per account: a short delay that rises with each failure in a row and ends by itself
 * @param keepFailures how long failed logins stay listed for administrators
 */
@ConfigurationProperties("jiuzhu.login")
public record LoginThrottleProperties(Client client, User user, Duration keepFailures) {

    /**
     * @param maxFailures failed logins from one address within the window that refuse it
     * @param window      how far back failures count
     */
    public record Client(int maxFailures, Duration window) {
    }

    /**
     * @param freeFailures failures in a row before the delay starts
     * @param firstDelay   the first delay, doubled with every further failure
     * @param maxDelay     the longest delay
     * @param window       failures older than this are forgotten
     */
    public record User(int freeFailures, Duration firstDelay, Duration maxDelay, Duration window) {

        /** How long the next attempt waits after this many failures in a row. */
        Duration delayAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - freeFailures, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }
}
