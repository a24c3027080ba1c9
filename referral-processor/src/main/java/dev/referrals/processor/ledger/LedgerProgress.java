package dev.referrals.processor.ledger;

import java.time.Instant;

/**
 * How far the ledger's listeners have read their topics ({@code marketplace.accounts}, {@code marketplace.jobs},
 * {@code marketplace.job-activity}). A late-facts rejection is only final once the ledger holds every fact that was
 * published before the request's grace period ended: during a backlog, a fact can be in its topic, unread.
 */
@FunctionalInterface
public interface LedgerProgress {

    /** Whether every fact published before this instant has been read into the ledger. */
    boolean hasRead(Instant before);
}
