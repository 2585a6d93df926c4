package org.jiuzhu.messaging;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the sender on this node in a thread of its own, one round every {@code jiuzhu.sms.sender.interval}
 * after the previous one ended. Every node runs it; the claims in the database keep them apart.
 */
class OutboxSenderJob implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSenderJob.class);

    private final OutboxSender sender;
    private final SmsProperties settings;
    private ScheduledExecutorService executor;

    OutboxSenderJob(OutboxSender sender, SmsProperties settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sms-sender");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.sender().interval().toMillis();
        executor.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("SMS sender started: {}, every {}", sender.gateway().getClass().getSimpleName(),
                settings.sender().interval());
    }

    private void round() {
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            // The next round tries again (the database may be back by then); the job must not stop.
            LOG.error("SMS sender round failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            // Interrupting makes the sender give back the messages it has claimed but not yet tried.
            executor.shutdownNow();
            try {
                executor.awaitTermination(settings.longestSend().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
