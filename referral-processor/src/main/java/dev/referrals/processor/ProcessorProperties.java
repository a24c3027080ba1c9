package dev.referrals.processor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code referrals.processor}; each is documented in the module's README.
 *
 * @param publishTimeout how long to wait for the broker to acknowledge an outcome before the record is retried
 * @param decisions      how requests are decided
 * @param lateFacts      how long a request may wait for the job, the referee or the invitation it names (I6)
 * @param sweeper        how stored decisions that no listener published are published (I7)
 */
@ConfigurationProperties("referrals.processor")
public record ProcessorProperties(
        @DefaultValue("30s") Duration publishTimeout,
        @DefaultValue Decisions decisions,
        @DefaultValue LateFacts lateFacts,
        @DefaultValue Sweeper sweeper) {

    /**
     * @param concurrency     consumers of referrals.referral-requested in this instance
     * @param conflictRetries fresh decisions after a unique-constraint conflict with a concurrent decision, before
     *                        the record is handed to the error handler
     */
    public record Decisions(
            @DefaultValue("3") int concurrency,
            @DefaultValue("3") int conflictRetries) {
    }

    /**
     * @param gracePeriod        how long after {@code requestedAt} a request waits for an unknown job, an unmatched
     *                           referee or an invitation the ledger does not hold, before it is decided with what is
     *                           known
     * @param retryInterval      the wait between two looks at the ledger meanwhile
     * @param clockSkewAllowance extra retries, beyond the grace period, for a requestedAt stamped by a clock ahead
     *                           of this one; past it the record goes to the dead-letter topic instead
     */
    public record LateFacts(
            @DefaultValue("30s") Duration gracePeriod,
            @DefaultValue("1s") Duration retryInterval,
            @DefaultValue("5s") Duration clockSkewAllowance) {

        /** Retries that outlast the grace period, counted from the first attempt, which is after requestedAt. */
        public long retriesToOutlastGracePeriod() {
            Duration bound = gracePeriod.plus(clockSkewAllowance);
            long intervalMillis = Math.max(1, retryInterval.toMillis());
            return (bound.toMillis() + intervalMillis - 1) / intervalMillis + 1;
        }
    }

    /**
     * @param interval  the wait between two sweeps
     * @param minAge    how long a stored decision may stay unpublished before the sweeper publishes it: well above
     *                  the time a listener takes from the commit to the broker's acknowledgement
     * @param batchSize the most decisions one sweep publishes
     */
    public record Sweeper(
            @DefaultValue("30s") Duration interval,
            @DefaultValue("1m") Duration minAge,
            @DefaultValue("500") int batchSize) {
    }
}
