package dev.referrals.platform.kafka;

import org.springframework.util.backoff.BackOff;

/**
 * A service's own back-off for a failure the platform classifies as {@link
 * dev.referrals.platform.failure.ListenerFailure.Kind#OTHER}, for example a request that waits for facts that are
 * late. Declared as a bean; the platform's one error handler asks each in order. A dependency that is down and an
 * unreadable record are never a service's to decide.
 */
@FunctionalInterface
public interface ListenerBackOff {

    /** The back-off for this failure, or {@code null} when it is not this service's: then the platform's retries. */
    BackOff backOffFor(Throwable failure);
}
