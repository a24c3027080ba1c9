package dev.referrals.worker.email;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Some emails of a referral wait for facts the contact directory does not know yet, and their grace period is not
 * over. Thrown so that the error handler redelivers the referral after {@code referrals.worker.late-facts.retry-interval}
 * ({@link WorkerBackOffs}); emails already sent are in the ledger and are not sent again.
 *
 * <p>It is an expected state, not a bug, so it has no stack trace.
 */
public class FactsNotYetKnown extends RuntimeException {

    FactsNotYetKnown(String referralId, Map<Role, Set<Fact>> missing, Instant deadline) {
        super("referral " + referralId + " waits until " + deadline + " for " + describe(missing), null, false, false);
    }

    private static String describe(Map<Role, Set<Fact>> missing) {
        StringBuilder description = new StringBuilder();
        missing.forEach((role, facts) -> {
            if (!description.isEmpty()) {
                description.append(", ");
            }
            description.append("the ").append(role.tag()).append(" email's ")
                    .append(facts.stream().map(Fact::tag).sorted().toList());
        });
        return description.toString();
    }
}
