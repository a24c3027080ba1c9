package dev.referrals.processor.eligibility;

import dev.referrals.events.RejectionReason;
import java.util.function.Predicate;

/**
 * One row of the rules table: the condition under which a referral is refused, and the reason it is refused with.
 *
 * @param name     the row of the rules table in docs/rules.md, for example {@code R5 referee already proposed}
 * @param refuses  true when the snapshot breaks the rule
 * @param reason   the symbol published in ReferralRejected
 */
public record EligibilityRule(String name, Predicate<ReferralSnapshot> refuses, RejectionReason reason) {

    Decision.Rejected rejection() {
        return new Decision.Rejected(name, reason);
    }
}
