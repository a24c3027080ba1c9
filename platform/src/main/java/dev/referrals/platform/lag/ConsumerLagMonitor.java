package dev.referrals.platform.lag;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Samples the lag of the pipeline's consumer groups on a schedule, keeps each group's samples over the sliding
 * window, judges its status with {@link StatusRules}, and exports it all as metrics:
 *
 * <ul>
 *   <li>{@code referrals.consumer.lag.records{group,topic,partition}}: records written but not yet consumed; a
 *   transaction marker or an aborted record between the committed offset and the log end is none (see
 *   {@code LagSampler});</li>
 *   <li>{@code referrals.consumer.lag.seconds{group,topic,partition}}: age of the oldest unconsumed record;</li>
 *   <li>{@code referrals.consumer.group.status{group,status}}: 1 for the group's current status, 0 for the others.</li>
 * </ul>
 */
public class ConsumerLagMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMonitor.class);

    private final LagSampler sampler;
    private final Duration interval;
    private final Duration window;
    private final Map<String, Deque<GroupSample>> windows = new ConcurrentHashMap<>();
    private final Map<String, LagEvaluation> evaluations = new ConcurrentHashMap<>();
    private final MultiGauge recordsGauge;
    private final MultiGauge secondsGauge;
    private final MultiGauge statusGauge;
    private final Counter samplesTaken;
    private ScheduledExecutorService scheduler;

    ConsumerLagMonitor(LagSampler sampler, LagProperties properties, MeterRegistry meters) {
        this.sampler = sampler;
        this.interval = properties.interval();
        this.window = properties.window();
        this.recordsGauge = MultiGauge.builder("referrals.consumer.lag.records")
                .description("Records written but not yet consumed; transaction markers are not records")
                .baseUnit("records").register(meters);
        this.secondsGauge = MultiGauge.builder("referrals.consumer.lag.seconds")
                .description("Age of the oldest record not yet consumed").baseUnit("seconds").register(meters);
        this.statusGauge = MultiGauge.builder("referrals.consumer.group.status")
                .description("1 for the group's current status (OK, WARN, STALL, STOP, ERR), 0 for the others")
                .register(meters);
        this.samplesTaken = Counter.builder("referrals.consumer.lag.samples")
                .description("Lag samples taken, each over every pipeline group; a sample that failed is not counted")
                .register(meters);
    }

    /** Takes one sample now; the schedule calls it, and tests may too. */
    public synchronized void sampleNow() {
        List<GroupSample> samples;
        try {
            samples = sampler.sample();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException failure) {
            log.warn("Consumer lag sample failed: {}", failure.toString());
            return;
        }
        for (GroupSample sample : samples) {
            Deque<GroupSample> groupWindow = windows.computeIfAbsent(sample.group(), group -> new ArrayDeque<>());
            groupWindow.addLast(sample);
            // Keep one sample at or before the window's start, so the window can be judged as covered.
            while (groupWindow.size() > 2 && !groupWindow.stream().skip(1).findFirst().orElseThrow().at()
                    .isAfter(sample.at().minus(window))) {
                groupWindow.removeFirst();
            }
            LagEvaluation evaluation = StatusRules.evaluate(List.copyOf(groupWindow), window);
            LagEvaluation previous = evaluations.put(sample.group(), evaluation);
            if (previous == null || previous.status() != evaluation.status()) {
                log.info("Consumer group {} is {}: {}", sample.group(), evaluation.status(), evaluation.reason());
            }
        }
        publishMetrics();
        samplesTaken.increment();
    }

    /** The latest evaluation of every group, by group id. */
    public Map<String, LagEvaluation> evaluations() {
        return Map.copyOf(evaluations);
    }

    private void publishMetrics() {
        List<MultiGauge.Row<?>> records = new ArrayList<>();
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        List<MultiGauge.Row<?>> statuses = new ArrayList<>();
        evaluations.values().forEach(evaluation -> {
            for (PartitionLag lag : evaluation.latest().partitions()) {
                Tags tags = Tags.of("group", evaluation.group(), "topic", lag.topic(),
                        "partition", String.valueOf(lag.partition()));
                records.add(MultiGauge.Row.of(tags, lag.records()));
                seconds.add(MultiGauge.Row.of(tags, lag.seconds()));
            }
            for (GroupStatus status : GroupStatus.values()) {
                statuses.add(MultiGauge.Row.of(Tags.of("group", evaluation.group(), "status", status.name()),
                        status == evaluation.status() ? 1 : 0));
            }
        });
        recordsGauge.register(records, true);
        secondsGauge.register(seconds, true);
        statusGauge.register(statuses, true);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consumer-lag-monitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sampleNow, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        sampler.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
