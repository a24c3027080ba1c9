package dev.referrals.worker.email;

import dev.referrals.platform.kafka.ListenerBackOff;
import dev.referrals.worker.WorkerProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The worker's one {@link ListenerBackOff} for the platform's error handler:
 * <ul>
 *   <li>{@link FactsNotYetKnown}: a steady {@code retry-interval} through the grace period. The listener stops
 *       throwing once the grace period is over, so the retries end by themselves; the attempt limit is only a
 *       backstop, set past the point where that must have happened.</li>
 *   <li>{@link EmailNotAccepted}, a permanent SMTP refusal: no retry, to the dead-letter topic at once.</li>
 *   <li>{@link EmailClaimedElsewhere}: every {@code late-facts.retry-interval} until the other instance has sent the
 *       email (the ledger then says so) or its claim has run out ({@code referrals.worker.claims.lease}).</li>
 * </ul>
 * An SMTP server that is down is the platform's: it waits for it without limit. Every other failure keeps the
 * platform's bounded back-off and dead-lettering.
 */
@Component
class WorkerBackOffs implements ListenerBackOff {

    /** One attempt once the grace period is over, one more for a clock that ticked unevenly. */
    private static final long ATTEMPTS_PAST_THE_GRACE_PERIOD = 2;

    private final BackOff whileFactsAreLate;
    private final BackOff whileClaimedElsewhere;

    WorkerBackOffs(WorkerProperties properties) {
        this.whileFactsAreLate = backOff(properties.lateFacts());
        this.whileClaimedElsewhere = whileClaimed(properties.lateFacts().retryInterval(), properties.claims().lease());
    }

    /** Every retry interval until the other instance's claim must have run out, and two attempts more. */
    static FixedBackOff whileClaimed(Duration interval, Duration lease) {
        return new FixedBackOff(interval.toMillis(),
                ceilDiv(lease.toMillis(), interval.toMillis()) + ATTEMPTS_PAST_THE_GRACE_PERIOD);
    }

    static FixedBackOff backOff(WorkerProperties.LateFacts lateFacts) {
        Duration interval = lateFacts.retryInterval();
        long attemptsWithinGracePeriod = ceilDiv(lateFacts.gracePeriod().toMillis(), interval.toMillis());
        return new FixedBackOff(interval.toMillis(), attemptsWithinGracePeriod + ATTEMPTS_PAST_THE_GRACE_PERIOD);
    }

    @Override
    public BackOff backOffFor(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FactsNotYetKnown) {
                return whileFactsAreLate;
            }
            if (cause instanceof EmailNotAccepted) {
                return NO_RETRY;
            }
            if (cause instanceof EmailClaimedElsewhere) {
                return whileClaimedElsewhere;
            }
        }
        return null;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
