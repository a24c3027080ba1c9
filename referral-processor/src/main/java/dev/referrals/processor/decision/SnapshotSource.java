package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import java.util.List;

/** Reads from the ledger what a list of requests needs, in a few queries whatever the list's length. */
public interface SnapshotSource {

    LedgerFacts load(List<ReferralRequested> requests);
}
