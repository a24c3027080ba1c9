package dev.referrals.platform.failure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dependencies this service's listeners are waiting for, as the health contributor {@code dependencyOutages},
 * the gauge {@code referrals.listener.outage.seconds{dependency}} (how long they have waited, 0 when they do not)
 * and the counter {@code referrals.listener.outage.failures{dependency}}.
 *
 * <p>An outage begins with the first record that fails because the dependency is down, and is over once every topic
 * that failed for it has processed a record since: the record that waited is retried until it succeeds, so that is
 * the moment the dependency answered again. The start and the end are each logged once.
 */
public class DependencyOutages {

    private static final Logger log = LoggerFactory.getLogger(DependencyOutages.class);
    private static final double MILLIS_PER_SECOND = 1000.0;

    private final Map<String, Outage> outages = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;
    /** Whether any outage is current: the check every processed record makes, so it is one volatile read. */
    private volatile boolean anyCurrent;

    public DependencyOutages(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** A record of this topic failed because this dependency is down. */
    public void failed(String dependency, String topic) {
        Outage outage = outages.computeIfAbsent(dependency, this::register);
        if (outage.failed(topic, clock.instant())) {
            log.warn("Listeners wait for the {} (a record of {} failed first); records are retried until it answers, "
                    + "never dead-lettered for it", dependency, topic);
        }
        anyCurrent = true;
        outage.failures.increment();
    }

    /** A record of this topic was processed: the dependencies it waited for answer again. */
    public void succeeded(String topic) {
        if (!anyCurrent) {
            return;
        }
        boolean stillCurrent = false;
        for (Outage outage : outages.values()) {
            Instant since = outage.since();
            if (outage.succeeded(topic)) {
                log.info("The {} answers again: the listeners waited for it from {} to {}", outage.dependency,
                        since, clock.instant());
            }
            stillCurrent |= outage.since() != null;
        }
        anyCurrent = stillCurrent;
    }

    /** Each dependency that is down now, with when its outage began. */
    public Map<String, Instant> current() {
        Map<String, Instant> current = new TreeMap<>();
        outages.forEach((dependency, outage) -> {
            Instant since = outage.since();
            if (since != null) {
                current.put(dependency, since);
            }
        });
        return current;
    }

    private Outage register(String dependency) {
        Outage outage = new Outage(dependency, Counter.builder("referrals.listener.outage.failures")
                .description("Records that failed because this dependency was down, and will be retried")
                .tag("dependency", dependency).register(meters));
        Gauge.builder("referrals.listener.outage.seconds", outage, waiting -> {
                    Instant since = waiting.since();
                    return since == null ? 0 : Duration.between(since, clock.instant()).toMillis() / MILLIS_PER_SECOND;
                })
                .description("How long the listeners have been waiting for this dependency; 0 when they are not")
                .tag("dependency", dependency).baseUnit("seconds").register(meters);
        return outage;
    }

    private static final class Outage {

        private final String dependency;
        private final Counter failures;
        private final Set<String> waitingTopics = new HashSet<>();
        private Instant since;

        private Outage(String dependency, Counter failures) {
            this.dependency = dependency;
            this.failures = failures;
        }

        /** Whether this failure begins an outage. */
        synchronized boolean failed(String topic, Instant now) {
            boolean begins = waitingTopics.isEmpty();
            if (begins) {
                since = now;
            }
            waitingTopics.add(topic);
            return begins;
        }

        /** Whether this success ends the outage. */
        synchronized boolean succeeded(String topic) {
            boolean ends = waitingTopics.remove(topic) && waitingTopics.isEmpty();
            if (ends) {
                since = null;
            }
            return ends;
        }

        synchronized Instant since() {
            return since;
        }
    }
}
