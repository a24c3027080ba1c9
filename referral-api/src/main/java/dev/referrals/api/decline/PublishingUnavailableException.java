package dev.referrals.api.decline;

import dev.referrals.api.problem.ProblemException;
import dev.referrals.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Kafka did not commit a decline's transaction within {@code referrals.api.publish-timeout}: answered 503. The
 * transaction was aborted, so read_committed consumers see nothing of it, and the database work rolls back with it.
 */
public class PublishingUnavailableException extends ProblemException {

    public PublishingUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.PUBLISHING_UNAVAILABLE,
                "The decline could not be published to Kafka; nothing was published. Retry later, with the same "
                        + "Idempotency-Key.", null, cause);
    }
}
