package dev.referrals.worker.email;

import java.time.Duration;

/**
 * Another worker instance is sending this email: this one waits and looks again ({@link WorkerBackOffs}), and then
 * finds it in the ledger, or takes the claim over once it ran out. It is never dead-lettered for this.
 */
public class EmailClaimedElsewhere extends RuntimeException {

    EmailClaimedElsewhere(ReferralEmail email, Duration lease) {
        super("Another worker instance is sending the " + email.role().tag() + " email " + email.messageId()
                + " of referral " + email.referralId() + "; waiting for it, at most the claim's lease of " + lease);
    }
}
