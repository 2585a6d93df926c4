package org.jiuzhu.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SmsSettingsAndJobTest {

    @Test
    void doublesTheBackOffUpToItsMaximum() {
        SmsProperties settings = TestOutbox.settings(10, Duration.ofMinutes(1), Duration.ofMinutes(10), 20,
                Duration.ofMinutes(5));

        assertThat(settings.backOffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backOffAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backOffAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.backOffAfter(5)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.backOffAfter(60)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refusesALeaseShorterThanTwoSends() {
        // A send may take 1 s to connect and 2 s for the answer: a lease under 6 s could end mid-send.
        assertThatThrownBy(() -> TestOutbox.settings(5, Duration.ofMinutes(1), Duration.ofMinutes(10), 20,
                Duration.ofSeconds(5))).hasMessageContaining("jiuzhu.sms.sender.lease");
        assertThat(TestOutbox.settings(5, Duration.ofMinutes(1), Duration.ofMinutes(10), 20, Duration.ofSeconds(6))
                .sender().lease()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void describesDurationsInChinese() {
        assertThat(OutboxSender.describe(Duration.ofDays(3))).isEqualTo("3 天");
        assertThat(OutboxSender.describe(Duration.ofHours(1))).isEqualTo("1 小时");
        assertThat(OutboxSender.describe(Duration.ofMinutes(90))).isEqualTo("90 分钟");
    }

    @Test
    void runsRoundAfterRoundUntilStoppedEvenWhenOneFails() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        OutboxSender sender = new OutboxSender(null, new LoggingSmsGateway(), null, null, "test") {
            @Override
            public int sendDue() {
                if (rounds.incrementAndGet() == 1) {
                    throw new IllegalStateException("database away");
                }
                return 0;
            }
        };
        SmsProperties settings = new SmsProperties("log",
                new SmsProperties.Http(null, null, "X-Api-Key", Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new SmsProperties.Sender(true, Duration.ofMillis(50), 20, Duration.ofMinutes(5)),
                5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(3));
        OutboxSenderJob job = new OutboxSenderJob(sender, settings);

        job.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rounds.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        job.stop();
        int afterStop = rounds.get();
        Thread.sleep(200);

        assertThat(afterStop).isGreaterThanOrEqualTo(3);
        assertThat(job.isRunning()).isFalse();
        assertThat(rounds.get()).isEqualTo(afterStop);
    }
}
