package dev.referrals.api.idempotency;

import dev.referrals.api.problem.ProblemException;
import dev.referrals.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * An earlier request with the same Idempotency-Key is still being processed after
 * {@code referrals.api.idempotency.in-flight-wait}: answered 409. Retrying later gets that request's answer.
 */
public class IdempotencyKeyInFlightException extends ProblemException {

    public IdempotencyKeyInFlightException(Throwable cause) {
        super(HttpStatus.CONFLICT, ProblemType.IDEMPOTENCY_KEY_IN_FLIGHT,
                "A request with this Idempotency-Key is still in flight; retry later to get its answer.",
                IdempotentExecution.HEADER, cause);
    }
}
