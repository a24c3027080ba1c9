package dev.referrals.platform.kafka;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A service's own back-off for a failure the platform classifies as {@link
 * dev.referrals.platform.failure.ListenerFailure.Kind#OTHER}, for example a request that waits for facts that are
 * late. Declared as a bean; the platform's one error handler asks each in order. A dependency that is down and an
 * unreadable record are never a service's to decide.
 */
@FunctionalInterface
public interface ListenerBackOff {

    /** No retry at all: the record goes to its dead-letter topic at once. */
    BackOff NO_RETRY = new FixedBackOff(0, 0);

    /** The back-off for this failure, or {@code null} when it is not this service's: then the platform's retries. */
    BackOff backOffFor(Throwable failure);
}
