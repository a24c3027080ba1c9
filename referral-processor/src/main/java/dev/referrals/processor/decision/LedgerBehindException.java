package dev.referrals.processor.decision;

import java.time.Instant;

/**
 * A request's grace period is over and a fact it names is still missing, but the ledger has not yet read every fact
 * published before the grace period ended (a backlog, after an outage or a restart): the fact may be among them.
 * The request waits, retried every {@code late-facts.retry-interval} without limit ({@link LateFactsBackOff}),
 * until the ledger has caught up; then it is decided with what is known.
 */
public class LedgerBehindException extends LateFactsPendingException {

    LedgerBehindException(String requestId, int position, String awaited, Instant deadline) {
        super("request " + requestId + " waits for " + awaited + ": its grace period ended at " + deadline
                + ", but the ledger has not read every fact published before then yet", requestId, position);
    }
}
