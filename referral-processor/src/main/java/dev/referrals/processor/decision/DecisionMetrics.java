package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Counts each first decision (a republished one is counted apart) and times it from {@code requestedAt}, as a
 * histogram so percentiles can be aggregated across instances.
 */
@Component
class DecisionMetrics {

    static final String DECIDED = "referrals.decided";
    static final String CREATED = "referrals.created";
    static final String REJECTED = "referrals.rejected";
    static final String REPUBLISHED = "referrals.decisions.republished";
    static final String LATENCY = "referrals.decision.latency";

    private final MeterRegistry registry;
    private final Counter requested;
    private final Counter created;
    private final Counter republished;
    private final Timer latency;

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.requested = Counter.builder(DECIDED).description("Referral requests decided for the first time").register(registry);
        this.created = Counter.builder(CREATED).description("Referrals created").register(registry);
        this.republished = Counter.builder(REPUBLISHED)
                .description("Outcomes republished for a redelivered request").register(registry);
        this.latency = Timer.builder(LATENCY).description("From requestedAt to the decision")
                .publishPercentileHistogram().register(registry);
    }

    void decided(ReferralRequested request, ReferralDecision decision) {
        requested.increment();
        if (decision.created()) {
            created.increment();
        } else {
            Counter.builder(REJECTED).description("Referrals rejected, by reason")
                    .tag("reason", decision.reason().name()).register(registry).increment();
        }
        // A requestedAt stamped by a clock ahead of this one would make a negative latency.
        Duration sinceRequested = Duration.between(request.getRequestedAt(), decision.decidedAt());
        latency.record(sinceRequested.isNegative() ? Duration.ZERO : sinceRequested);
    }

    void republished(int outcomes) {
        republished.increment(outcomes);
    }
}
