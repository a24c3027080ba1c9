package dev.referrals.processor.eligibility;

import dev.referrals.events.RejectionReason;
import java.util.Objects;

/** The outcome of the eligibility rules: the referral may be made, or one named rule refused it. */
public sealed interface Decision {

    /** Every rule allowed the referral. */
    record Eligible(String refereeId) implements Decision {
        public Eligible {
            Objects.requireNonNull(refereeId, "refereeId");
        }
    }

    /** The first rule that failed, with the reason published in ReferralRejected. */
    record Rejected(String rule, RejectionReason reason) implements Decision {
        public Rejected {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
