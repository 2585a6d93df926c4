package org.jiuzhu.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due messages of the outbox through the gateway, a chunk at a time: claims them, sends each, and
 * records the outcome — 已发送 with the time, another attempt after the back-off, or 发送失败 with the
 * reason once the gateway refuses for good or the attempts are used up. Safe on several nodes at once.
 */
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxMessages outbox;
    private final SmsGateway gateway;
    private final SmsProperties settings;
    private final Clock clock;
    private final String node;

    public OutboxSender(OutboxMessages outbox, SmsGateway gateway, SmsProperties settings, Clock clock, String node) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
    }

    public SmsGateway gateway() {
        return gateway;
    }

    /** Sends due messages chunk after chunk until none is due; returns how many were tried. */
    public int sendDue() {
        expireStale();
        int tried = 0;
        while (!Thread.currentThread().isInterrupted()) {
            int chunk = sendChunk();
            tried += chunk;
            if (chunk < settings.sender().chunkSize()) {
                break;
            }
        }
        return tried;
    }

    /** Claims one chunk of due messages and tries each once; returns how many were tried. */
    int sendChunk() {
        String claimant = node + "/" + UUID.randomUUID().toString().substring(0, 8);
        Instant claimedAt = clock.instant();
        Instant leaseEnds = claimedAt.plus(settings.sender().lease());
        List<OutboxMessages.Claimed> claimed = outbox.claimDue(claimant, claimedAt, settings.sender().lease(),
                settings.sender().chunkSize());
        int tried = 0;
        for (OutboxMessages.Claimed message : claimed) {
            // Never start a send that could outlast the claim: another node would take the message up again.
            if (Thread.currentThread().isInterrupted()
                    || clock.instant().plus(settings.longestSend()).isAfter(leaseEnds)) {
                outbox.release(message.id(), claimant);
                continue;
            }
            send(message, claimant);
            tried++;
        }
        return tried;
    }

    private void send(OutboxMessages.Claimed message, String claimant) {
        SmsGateway.Outcome outcome;
        try {
            outcome = gateway.send(message.phone(), message.content(), message.reference());
        } catch (RuntimeException e) {
            LOG.warn("SMS {} to {}: the gateway failed", message.reference(), PhoneNumbers.mask(message.phone()), e);
            outcome = SmsGateway.Outcome.retry("短信发送程序出错（" + e.getClass().getSimpleName() + "）");
        }
        Instant now = clock.instant();
        boolean recorded = switch (outcome.kind()) {
            case SENT -> outbox.markSent(message.id(), claimant, now);
            case PERMANENT_FAILURE -> {
                LOG.warn("SMS {} to {} refused for good: {}", message.reference(), PhoneNumbers.mask(message.phone()),
                        outcome.detail());
                yield outbox.markFailed(message.id(), claimant, outcome.detail());
            }
            case RETRY -> {
                if (message.attempts() >= settings.maxAttempts()) {
                    LOG.warn("SMS {} to {} failed after {} attempts: {}", message.reference(),
                            PhoneNumbers.mask(message.phone()), message.attempts(), outcome.detail());
                    yield outbox.markFailed(message.id(), claimant,
                            outcome.detail() + "（已尝试 " + message.attempts() + " 次）");
                }
                Instant next = now.plus(settings.backOffAfter(message.attempts()));
                LOG.info("SMS {} to {} not sent (attempt {}), next attempt at {}: {}", message.reference(),
                        PhoneNumbers.mask(message.phone()), message.attempts(), next, outcome.detail());
                yield outbox.markForRetry(message.id(), claimant, next, outcome.detail());
            }
        };
        if (!recorded) {
            LOG.warn("SMS {}: the claim of {} ran out before the outcome {} was recorded", message.reference(),
                    claimant, outcome.kind());
        }
    }

    private void expireStale() {
        Instant now = clock.instant();
        int expired = outbox.expire(now.minus(settings.expireAfter()), now,
                "超过有效期（" + describe(settings.expireAfter()) + "）仍未发出，不再自动发送");
        if (expired > 0) {
            LOG.warn("{} SMS not sent within {} marked as failed", expired, settings.expireAfter());
        }
    }

    /** P3D → 3 天, PT12H → 12 小时, for the reason administrators read. */
    static String describe(java.time.Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toDays() > 0) {
            return duration.toDays() + " 天";
        }
        if (duration.toMinutes() % 60 == 0 && duration.toHours() > 0) {
            return duration.toHours() + " 小时";
        }
        return duration.toMinutes() + " 分钟";
    }
}
