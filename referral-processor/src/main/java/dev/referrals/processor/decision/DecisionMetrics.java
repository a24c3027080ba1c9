package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts each first decision by outcome and reason (a republished one is counted apart) and times it from
 * {@code requestedAt}, as a histogram so percentiles can be aggregated across instances.
 *
 * <p>One counter, {@code referrals.decisions{outcome,reason}}: {@code outcome} is {@code CREATED} (reason
 * {@code NONE}) or {@code REJECTED} with the rule's reason. Every series is registered at start-up with zero, so a
 * dashboard or an alert sees a rate of 0 rather than no data; and the name avoids Prometheus's reserved
 * {@code _created} suffix.
 */
@Component
class DecisionMetrics {

    static final String DECISIONS = "referrals.decisions";
    static final String REPUBLISHED = "referrals.decisions.republished";
    static final String DEFERRED = "referrals.decisions.deferred";
    static final String WAITING_FOR = "waiting_for";
    static final String LATENCY = "referrals.decision.latency";
    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String CREATED = "CREATED";
    static final String REJECTED = "REJECTED";
    static final String NO_REASON = "NONE";

    private final Counter created;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final Counter republished;
    private final Counter deferredForFacts;
    private final Counter deferredForLedger;
    private final Timer latency;

    DecisionMetrics(MeterRegistry registry) {
        this.created = decisions(registry, CREATED, NO_REASON);
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, decisions(registry, REJECTED, reason.name()));
        }
        this.republished = Counter.builder(REPUBLISHED)
                .description("Outcomes republished for a redelivered request").register(registry);
        this.deferredForFacts = deferred(registry, "facts");
        this.deferredForLedger = deferred(registry, "ledger");
        this.latency = Timer.builder(LATENCY).description("From requestedAt to the decision")
                .publishPercentileHistogram().register(registry);
    }

    void decided(ReferralRequested request, ReferralDecision decision) {
        (decision.created() ? created : rejected.get(decision.reason())).increment();
        // A requestedAt stamped by a clock ahead of this one would make a negative latency.
        Duration sinceRequested = Duration.between(request.getRequestedAt(), decision.decidedAt());
        latency.record(sinceRequested.isNegative() ? Duration.ZERO : sinceRequested);
    }

    /** A request held back: within its grace period ({@code facts}), or behind a ledger backlog ({@code ledger}). */
    void deferred(LateFactsPendingException waiting) {
        (waiting instanceof LedgerBehindException ? deferredForLedger : deferredForFacts).increment();
    }

    private static Counter deferred(MeterRegistry registry, String waitingFor) {
        return Counter.builder(DEFERRED).description("Attempts at a request that was held back for late facts")
                .tag(WAITING_FOR, waitingFor).register(registry);
    }

    void republished(int outcomes) {
        republished.increment(outcomes);
    }

    private static Counter decisions(MeterRegistry registry, String outcome, String reason) {
        return Counter.builder(DECISIONS).description("Referral requests decided for the first time")
                .tag(OUTCOME, outcome).tag(REASON, reason).register(registry);
    }
}
