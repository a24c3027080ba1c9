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
 */
public class PublishingOutcomeUnknownException extends ProblemException {

    public PublishingOutcomeUnknownException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.PUBLISHING_OUTCOME_UNKNOWN,
                "Kafka did not confirm the decline in time; it may have been published. Retry with the same "
                        + "Idempotency-Key, which publishes the same ids, so that it counts once.", null, cause);
    }
}
