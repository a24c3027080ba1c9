package dev.referrals.api.decline;

import dev.referrals.api.problem.ProblemException;
import dev.referrals.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * Kafka acknowledged every record of a decline's transaction but did not confirm its commit in time: the decline may
 * have been published, or not. Answered 503 so that the caller retries, and told to retry with the same
 * Idempotency-Key: the retry publishes the same ids, and consumers, which dedupe by id, see one decline. Without a
 * key, the retry is a new decline with new ids; at most one referral still comes of both, since an invitation is
 * declined with a referral once (R1, {@code INVITATION_ALREADY_DECLINED}).
 *
 * <p>The same answer when Kafka did commit, but the database transaction that stores the answer then failed
 * ({@link #afterPublishing}): the caller cannot tell this from a lost commit, and retries the same way.
 */
public class PublishingOutcomeUnknownException extends ProblemException {

    public PublishingOutcomeUnknownException(Throwable cause) {
        this("Kafka did not confirm the decline in time; it may have been published. Retry with the same "
                + "Idempotency-Key, which publishes the same ids, so that it counts once.", cause);
    }

    private PublishingOutcomeUnknownException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.PUBLISHING_OUTCOME_UNKNOWN, detail, null, cause);
    }

    /** Kafka committed the decline, then the database failed before its answer was stored: the caller is not told. */
    static PublishingOutcomeUnknownException afterPublishing(Throwable cause) {
        return new PublishingOutcomeUnknownException("The decline was published, but its answer could not be "
                + "stored. Retry with the same Idempotency-Key, which publishes the same ids, so that it counts once.",
                cause);
    }
}
