package dev.referrals.platform.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code referrals.deadletters.records{topic}}: how many records each dead-letter topic holds, refreshed on a
 * schedule (counting reads offsets from the broker, so it is not done on every scrape). Alerts fire on it.
 */
public class DeadLetterGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterGauges.class);

    private final DeadLetterBrowser browser;
    private final Duration interval;
    private final MultiGauge records;
    private final AtomicLong refreshes = new AtomicLong();
    private ScheduledExecutorService scheduler;

    public DeadLetterGauges(DeadLetterBrowser browser, Duration interval, MeterRegistry meters) {
        this.browser = browser;
        this.interval = interval;
        this.records = MultiGauge.builder("referrals.deadletters.records")
                .description("Records held by each dead-letter topic").baseUnit("records").register(meters);
    }

    /** Counts now; the schedule calls it. */
    public void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = browser.counts().entrySet().stream()
                    .<MultiGauge.Row<?>>map(entry -> MultiGauge.Row.of(Tags.of("topic", entry.getKey()), entry.getValue()))
                    .toList();
            records.register(rows, true);
        } catch (RuntimeException failure) {
            log.warn("Cannot count dead letters: {}", failure.toString());
        } finally {
            refreshes.incrementAndGet();
        }
    }

    /** How many refreshes have finished, counted or failed: lets a caller wait for the next one. */
    public long refreshes() {
        return refreshes.get();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dead-letter-gauges");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
