package dev.referrals.api.idempotency;

import dev.referrals.api.ReferralApiProperties;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes keys older than {@code referrals.api.idempotency.retention}, in batches so that no delete holds many
 * locks. Every instance runs it; concurrent runs skip each other's rows. A key past its retention but not yet
 * deleted is already treated as new by {@link IdempotentExecution}.
 */
@Component
public class IdempotencyKeyCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final ReferralApiProperties.Idempotency settings;

    IdempotencyKeyCleanup(IdempotencyKeys keys, Clock clock, ReferralApiProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.settings = properties.idempotency();
    }

    /** Every {@code cleanup-interval}, starting one interval after start-up. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(
                this::deleteExpiredKeys, settings.cleanupInterval(), settings.cleanupInterval()));
    }

    /** @return how many keys were deleted */
    public int deleteExpiredKeys() {
        Instant expiredBefore = clock.instant().minus(settings.retention());
        int total = 0;
        int deleted;
        do {
            deleted = keys.deleteExpired(expiredBefore, settings.cleanupBatch());
            total += deleted;
        } while (deleted == settings.cleanupBatch());
        if (total > 0) {
            log.info("deleted {} idempotency keys created before {}", total, expiredBefore);
        }
        return total;
    }
}
