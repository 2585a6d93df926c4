package org.jiuzhu.messaging;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages to applicants leave the outbox ({@code jiuzhu.sms.*}).
 *
 * @param gateway      {@code log} (the default: messages are only written to the log) or {@code http}
 * @param http         the HTTP gateway, when {@code gateway} is {@code http}
 * @param sender       the background job that sends due messages on every node
 * @param maxAttempts  attempts of one message before it is 发送失败 (a gateway's permanent refusal ends it at once)
 * @param firstBackOff wait after the first failed attempt, doubled after each further one
 * @param maxBackOff   the longest wait between two attempts
 * @param expireAfter  a message still unsent this long after it was queued is not sent but marked 发送失败
 *                     (an administrator may send it again): an applicant should not get a stale message
 */
@ConfigurationProperties("jiuzhu.sms")
public record SmsProperties(@DefaultValue("log") String gateway,
                            @DefaultValue Http http,
                            @DefaultValue Sender sender,
                            @DefaultValue("5") int maxAttempts,
                            @DefaultValue("PT1M") Duration firstBackOff,
                            @DefaultValue("PT1H") Duration maxBackOff,
                            @DefaultValue("P3D") Duration expireAfter) {

    public SmsProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("jiuzhu.sms.max-attempts must be at least 1");
        }
        if (sender.lease().compareTo(http.connectTimeout().plus(http.timeout()).multipliedBy(2)) < 0) {
            // A claim must outlast a send, or a slow send could be taken up again by another node.
            throw new IllegalArgumentException("jiuzhu.sms.sender.lease must be at least twice "
                    + "jiuzhu.sms.http.connect-timeout + jiuzhu.sms.http.timeout");
        }
    }

    /**
     * @param url            where each message is POSTed as JSON {@code {phone, text, reference}}
     * @param key            the gateway's access key, sent in the header {@code keyHeader}
     * @param keyHeader      the header that carries the key
     * @param connectTimeout how long to wait for a connection
     * @param timeout        how long to wait for the answer; a timeout is tried again later
     */
    public record Http(URI url, String key,
                       @DefaultValue("X-Api-Key") String keyHeader,
                       @DefaultValue("PT5S") Duration connectTimeout,
                       @DefaultValue("PT10S") Duration timeout) {
    }

    /**
     * @param enabled   whether this node runs the sender job (tests send themselves)
     * @param interval  pause between two rounds of the job
     * @param chunkSize messages one node claims at a time
     * @param lease     how long a claim holds: a message of a node that died mid-send is sent again after this
     */
    public record Sender(@DefaultValue("true") boolean enabled,
                         @DefaultValue("PT15S") Duration interval,
                         @DefaultValue("20") int chunkSize,
                         @DefaultValue("PT5M") Duration lease) {
    }

    /** The most one attempt may take before the gateway gives up on it. */
    Duration longestSend() {
        return http.connectTimeout().plus(http.timeout());
    }

    /** The wait before the next attempt after {@code attempts} failed ones. */
    Duration backOffAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = firstBackOff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
    }
}
