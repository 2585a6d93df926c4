package org.jiuzhu.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiuzhu.casework.CaseRecords;
import org.jiuzhu.support.JiuzhuIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@JiuzhuIntegrationTest
class OutboxSenderTest {

    @Autowired OutboxMessages outbox;
    @Autowired CaseRecords records;
    @Autowired JdbcClient jdbc;
    @Autowired Clock applicationClock;

    private TestOutbox messages;
    private TestOutbox.MovableClock clock;
    private final SmsTestServer platform = new SmsTestServer();

    @BeforeEach
    void setUp() {
        messages = new TestOutbox(records, jdbc);
        // A second later than the messages' queueing time, on the clock the application queued them with.
        clock = new TestOutbox.MovableClock(applicationClock.instant().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private OutboxSender sender(SmsGateway gateway, SmsProperties settings, String node) {
        return new OutboxSender(outbox, gateway, settings, clock, node);
    }

    private HttpSmsGateway httpGateway() {
        return new HttpSmsGateway(new SmsProperties.Http(platform.url(), "k", "X-Api-Key", Duration.ofSeconds(1),
                Duration.ofSeconds(2)), new ObjectMapper());
    }

    private static SmsProperties settings(int maxAttempts) {
        return TestOutbox.settings(maxAttempts, Duration.ofMinutes(1), Duration.ofMinutes(10), 20, Duration.ofMinutes(5));
    }

    /** Records what it was asked to send. */
    static final class RecordingGateway implements SmsGateway {

        final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        final Map<String, String> phones = new ConcurrentHashMap<>();

        @Override
        public Outcome send(String phone, String text, String reference) {
            sent.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
            phones.put(reference, phone);
            return Outcome.sent();
        }

        @Override
        public String description() {
            return "测试";
        }

        int timesSent(long id) {
            AtomicInteger n = sent.get("jiuzhu-" + id);
            return n == null ? 0 : n.get();
        }
    }

    @Test
    void sendsPendingMessagesThroughTheGatewayAndRecordsTheSentTime() {
        long first = messages.queue("13812345678");
        long second = messages.queue("13900001111");
        assertThat(messages.row(first).status()).isEqualTo(MessageStatus.PENDING);
        RecordingGateway gateway = new RecordingGateway();

        sender(gateway, settings(5), "node-a").sendDue();

        assertThat(gateway.timesSent(first)).isEqualTo(1);
        assertThat(gateway.phones.get("jiuzhu-" + first)).isEqualTo("13812345678");
        assertThat(gateway.timesSent(second)).isEqualTo(1);
        TestOutbox.Row row = messages.row(first);
        assertThat(row.status()).isEqualTo(MessageStatus.SENT);
        assertThat(row.sentAt()).isEqualTo(clock.instant());
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.claimedBy()).isNull();

        sender(gateway, settings(5), "node-a").sendDue();
        assertThat(gateway.timesSent(first)).as("a sent message is not sent again").isEqualTo(1);
    }

    @Test
    void sendsOverHttpAndMarksTheSentTime() {
        long id = messages.queue("13812345678");
        platform.answer(200, "{}");

        sender(httpGateway(), settings(5), "node-a").sendDue();

        assertThat(platform.receivedFor(id)).isEqualTo(1);
        assertThat(messages.row(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(messages.row(id).sentAt()).isEqualTo(clock.instant());
    }

    @Test
    void failsAMessageThePlatformRefusesAtOnceWithoutTryingAgain() {
        long id = messages.queue("13812345678");
        platform.answer(400, "{\"error\":\"bad number\"}");
        OutboxSender sender = sender(httpGateway(), settings(5), "node-a");

        sender.sendDue();
        clock.advance(Duration.ofHours(2));
        sender.sendDue();

        assertThat(platform.receivedFor(id)).isEqualTo(1);
        TestOutbox.Row row = messages.row(id);
        assertThat(row.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNull();
        assertThat(row.lastError()).isEqualTo("短信平台答复 HTTP 400：{\"error\":\"bad number\"}");
    }

    @Test
    void retriesAServerErrorAfterTheBackOffAndFailsAfterTheLastAttempt() {
        long id = messages.queue("13812345678");
        platform.answer(503, "");
        OutboxSender sender = sender(httpGateway(), settings(3), "node-a");

        sender.sendDue();
        assertThat(platform.receivedFor(id)).isEqualTo(1);
        TestOutbox.Row afterFirst = messages.row(id);
        assertThat(afterFirst.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(afterFirst.lastError()).isEqualTo("短信平台答复 HTTP 503");

        clock.advance(Duration.ofSeconds(59));
        sender.sendDue();
        assertThat(platform.receivedFor(id)).as("not before the back-off").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();
        assertThat(platform.receivedFor(id)).isEqualTo(2);
        assertThat(messages.row(id).nextAttemptAt()).as("the back-off doubles")
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofSeconds(119));
        sender.sendDue();
        assertThat(platform.receivedFor(id)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();
        assertThat(platform.receivedFor(id)).isEqualTo(3);
        TestOutbox.Row failed = messages.row(id);
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("短信平台答复 HTTP 503（已尝试 3 次）");

        clock.advance(Duration.ofDays(1));
        sender.sendDue();
        assertThat(platform.receivedFor(id)).as("no attempt beyond the maximum").isEqualTo(3);
    }

    @Test
    void takesUpTheMessagesOfANodeThatDiedMidSendOnlyAfterItsLease() {
        long id = messages.queue("13812345678");
        // Node A claims the message and dies before sending it.
        List<OutboxMessages.Claimed> claimedByA = outbox.claimDue("node-a/dead", clock.instant(), Duration.ofMinutes(5), 1000);
        assertThat(claimedByA).extracting(OutboxMessages.Claimed::id).contains(id);
        assertThat(messages.row(id).status()).isEqualTo(MessageStatus.SENDING);
        RecordingGateway gateway = new RecordingGateway();
        OutboxSender nodeB = sender(gateway, settings(5), "node-b");

        clock.advance(Duration.ofMinutes(4));
        nodeB.sendDue();
        assertThat(gateway.timesSent(id)).isZero();

        clock.advance(Duration.ofMinutes(1).plusMillis(1));
        nodeB.sendDue();
        assertThat(gateway.timesSent(id)).isEqualTo(1);
        assertThat(messages.row(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(outbox.markSent(id, "node-a/dead", clock.instant()))
                .as("the dead node's claim is void").isFalse();
    }

    @Test
    void givesBackWhatItCannotSendWithinTheLease() {
        sender(new RecordingGateway(), settings(5), "node-a").sendDue();
        long first = messages.queue("13812345678");
        long second = messages.queue("13812345679");
        // The first send takes all but two seconds of the 5-minute lease; a send may take 3 seconds
        // (connect and answer timeouts), so the second must not start.
        SmsGateway slow = new SmsGateway() {
            @Override
            public Outcome send(String phone, String text, String reference) {
                clock.advance(Duration.ofMinutes(5).minusSeconds(2));
                return Outcome.sent();
            }

            @Override
            public String description() {
                return "慢";
            }
        };

        int tried = sender(slow, settings(5), "node-a").sendChunk();

        assertThat(tried).isEqualTo(1);
        assertThat(messages.row(first).status()).isEqualTo(MessageStatus.SENT);
        TestOutbox.Row given = messages.row(second);
        assertThat(given.status()).isEqualTo(MessageStatus.PENDING);
        assertThat(given.attempts()).isZero();
        assertThat(given.claimedBy()).isNull();
    }

    @Test
    void twoSendersOnOneDatabaseNeverSendAMessageTwice() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(messages.queue("1380000" + String.format("%04d", i)));
        }
        RecordingGateway gateway = new RecordingGateway();
        SmsGateway slowly = new SmsGateway() {
            @Override
            public Outcome send(String phone, String text, String reference) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return gateway.send(phone, text, reference);
            }

            @Override
            public String description() {
                return "测试";
            }
        };
        SmsProperties settings = TestOutbox.settings(5, Duration.ofMinutes(1), Duration.ofMinutes(10), 7,
                Duration.ofMinutes(5));
        OutboxSender nodeA = sender(slowly, settings, "node-a");
        OutboxSender nodeB = sender(slowly, settings, "node-b");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> rounds = new ArrayList<>();
            for (OutboxSender node : List.of(nodeA, nodeB)) {
                rounds.add(threads.submit(() -> {
                    start.await();
                    int tried = 0;
                    for (int round = 0; round < 5; round++) {
                        tried += node.sendDue();
                    }
                    return tried;
                }));
            }
            start.countDown();
            int triedByA = rounds.get(0).get(60, TimeUnit.SECONDS);
            int triedByB = rounds.get(1).get(60, TimeUnit.SECONDS);
            assertThat(triedByA + triedByB).isGreaterThanOrEqualTo(ids.size());
        } finally {
            threads.shutdownNow();
        }

        for (long id : ids) {
            assertThat(gateway.timesSent(id)).as("message %d", id).isEqualTo(1);
            assertThat(messages.row(id).status()).isEqualTo(MessageStatus.SENT);
        }
    }

    @Test
    void doesNotSendAMessageThatWaitedLongerThanItsValidity() {
        long id = messages.queue("13812345678");
        RecordingGateway gateway = new RecordingGateway();

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        sender(gateway, settings(5), "node-a").sendDue();

        assertThat(gateway.timesSent(id)).isZero();
        TestOutbox.Row row = messages.row(id);
        assertThat(row.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(row.lastError()).contains("超过有效期（3 天）");
    }
}
