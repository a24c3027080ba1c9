package dev.referrals.processor.decision;

import dev.referrals.processor.ProcessorProperties;
import dev.referrals.processor.events.EventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The outbox's sweeper: every {@code referrals.processor.sweeper.interval}, it publishes the decisions that were
 * stored but whose outcome the broker never acknowledged for {@code min-age}, and marks them published. That is what
 * is left when the record that caused a decision was dead-lettered after the commit, or when a crash came between the
 * commit and the publish and the record is not redelivered to this instance soon. A stored decision is therefore
 * always published, at least once, without depending on the consumer's retries (I7).
 *
 * <p>Duplicates: an outcome may be published twice (by the listener and by the sweeper, or by the sweepers of two
 * instances), always with identical content (the stored ids and timestamps); consumers dedupe by id. With the broker
 * or the database down, a sweep fails, logs one line, and the next sweep tries again.
 */
@Component
class DecisionSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DecisionSweeper.class);

    private final DecisionStore store;
    private final EventPublisher publisher;
    private final Clock clock;
    private final ProcessorProperties.Sweeper settings;
    private final Counter swept;

    DecisionSweeper(DecisionStore store, EventPublisher publisher, Clock clock, ProcessorProperties properties,
                    MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = properties.sweeper();
        this.swept = Counter.builder("referrals.decisions.swept")
                .description("Stored decisions the sweeper published because no listener had")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, settings.interval(), settings.interval()));
    }

    void sweep() {
        try {
            sweepOnce();
        } catch (RuntimeException failure) {
            log.warn("Cannot sweep unpublished decisions now ({}); the next sweep tries again", failure.getMessage());
        }
    }

    /** Publishes one page of the oldest unpublished decisions; how many. */
    int sweepOnce() {
        List<ReferralDecision> unpublished = store.findUnpublished(
                clock.instant().minus(settings.minAge()), settings.batchSize());
        if (unpublished.isEmpty()) {
            return 0;
        }
        log.warn("Publishing {} stored decisions whose outcome no listener published (the oldest decided at {})",
                unpublished.size(), unpublished.get(0).decidedAt());
        publisher.publishAll(unpublished.stream().map(ReferralDecision::outcomeEvent).toList());
        Instant acknowledged = clock.instant();
        store.markPublished(unpublished.stream().map(ReferralDecision::requestId).toList(), acknowledged);
        swept.increment(unpublished.size());
        return unpublished.size();
    }
}
