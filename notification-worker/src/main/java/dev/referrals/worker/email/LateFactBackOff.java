package dev.referrals.worker.email;

import dev.referrals.worker.WorkerProperties;
import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Gives {@link FactsNotYetKnown} a back-off of its own on the platform's shared error handler: a steady
 * {@code retry-interval} through the grace period, instead of the exponential SMTP back-off. Every other failure
 * keeps the platform's back-off and dead-lettering.
 *
 * <p>The listener stops throwing once the grace period is over, so the retries end by themselves; the attempt limit
 * is only a backstop, set past the point where that must have happened.
 */
@Component
class LateFactBackOff implements SmartInitializingSingleton {

    /** One attempt once the grace period is over, one more for a clock that ticked unevenly. */
    private static final long ATTEMPTS_PAST_THE_GRACE_PERIOD = 2;

    private final DefaultErrorHandler errorHandler;
    private final BackOff backOff;

    LateFactBackOff(DefaultErrorHandler errorHandler, WorkerProperties properties) {
        this.errorHandler = errorHandler;
        this.backOff = backOff(properties.lateFacts());
    }

    static FixedBackOff backOff(WorkerProperties.LateFacts lateFacts) {
        Duration interval = lateFacts.retryInterval();
        long attemptsWithinGracePeriod = ceilDiv(lateFacts.gracePeriod().toMillis(), interval.toMillis());
        return new FixedBackOff(interval.toMillis(), attemptsWithinGracePeriod + ATTEMPTS_PAST_THE_GRACE_PERIOD);
    }

    @Override
    public void afterSingletonsInstantiated() {
        errorHandler.setBackOffFunction((record, failure) -> isLateFact(failure) ? backOff : null);
    }

    private static boolean isLateFact(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof FactsNotYetKnown) {
                return true;
            }
        }
        return false;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }
}
