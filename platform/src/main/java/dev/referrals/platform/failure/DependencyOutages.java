package dev.referrals.platform.failure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dependencies this service's listeners are waiting for, as the health contributor {@code dependencyOutages},
 * the gauge {@code referrals.listener.outage.seconds{dependency}} (how long they have waited, 0 when they do not)
 * and the counter {@code referrals.listener.outage.failures{dependency}}.
 *
 * <p>An outage begins with a listener's first failure for a dependency that is down, and is over once no listener
 * has failed for it for {@code quietPeriod} (a little more than the longest wait between two attempts): then an
 * attempt has succeeded, or none has been made. The start and the end are each logged once.
 */
public class DependencyOutages {

    private static final Logger log = LoggerFactory.getLogger(DependencyOutages.class);

    private final Map<String, Outage> outages = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Duration quietPeriod;
    private final Clock clock;

    public DependencyOutages(MeterRegistry meters, Duration quietPeriod, Clock clock) {
        this.meters = meters;
        this.quietPeriod = quietPeriod;
        this.clock = clock;
    }

    /** A record of this topic failed because this dependency is down. */
    public void failed(String dependency, String topic) {
        Instant now = clock.instant();
        Outage outage = outages.computeIfAbsent(dependency, this::register);
        if (outage.failedAt(now, quietPeriod)) {
            log.warn("Listeners wait for the {} (a record of {} failed first); records are retried until it answers, "
                    + "never dead-lettered for it", dependency, topic);
        }
        outage.failures.increment();
    }

    /** Each dependency that is down now, with when its outage began. */
    public Map<String, Instant> current() {
        Instant now = clock.instant();
        Map<String, Instant> current = new TreeMap<>();
        outages.forEach((dependency, outage) -> {
            Instant since = outage.since(now, quietPeriod);
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
                    Instant now = clock.instant();
                    Instant since = waiting.since(now, quietPeriod);
                    return since == null ? 0 : Duration.between(since, now).toMillis() / 1000.0;
                })
                .description("How long the listeners have been waiting for this dependency; 0 when they are not")
                .tag("dependency", dependency).baseUnit("seconds").register(meters);
        return outage;
    }

    private static final class Outage {

        private final String dependency;
        private final Counter failures;
        private Instant firstFailure;
        private Instant lastFailure;
        private boolean endLogged = true;

        private Outage(String dependency, Counter failures) {
            this.dependency = dependency;
            this.failures = failures;
        }

        /** Records a failure; whether it begins an outage. */
        synchronized boolean failedAt(Instant now, Duration quietPeriod) {
            boolean begins = since(now, quietPeriod) == null;
            if (begins) {
                firstFailure = now;
                endLogged = false;
            }
            lastFailure = now;
            return begins;
        }

        /** When the current outage began, or {@code null} when there is none. */
        synchronized Instant since(Instant now, Duration quietPeriod) {
            if (lastFailure == null || lastFailure.plus(quietPeriod).isBefore(now)) {
                if (!endLogged && lastFailure != null) {
                    endLogged = true;
                    log.info("No listener has failed for the {} since {}: its outage, from {}, is over", dependency,
                            lastFailure, firstFailure);
                }
                return null;
            }
            return firstFailure;
        }
    }
}
