package dev.referrals.api.idempotency;

import dev.referrals.api.problem.ProblemException;
import dev.referrals.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** An Idempotency-Key was first used with another request (method, path or body): answered 422. */
public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was already used with a different request; use a new key for a new request.",
                IdempotentExecution.HEADER, null);
    }
}
