package dev.referrals.processor.decision;

import java.time.Instant;

/**
 * A request names a job or a referee the ledger does not know yet, and its grace period is still running. Thrown so
 * that the error handler waits and redelivers it ({@link LateFactsBackOff}); it is not a failure.
 */
public class LateFactsPendingException extends RuntimeException {

    private final String requestId;
    private final int position;

    LateFactsPendingException(String requestId, int position, String awaited, Instant deadline) {
        this("request " + requestId + " waits for " + awaited + " until " + deadline, requestId, position);
    }

    LateFactsPendingException(String message, String requestId, int position) {
        super(message, null, false, false);
        this.requestId = requestId;
        this.position = position;
    }

    public String requestId() {
        return requestId;
    }

    /** Where the waiting request is in the list being decided; the ones before it were decided. */
    public int position() {
        return position;
    }
}
