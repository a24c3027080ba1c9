package dev.referrals.processor.eligibility;

import dev.referrals.events.RejectionReason;
import java.util.Objects;

/** The outcome of the eligibility rules: the referral may be made, or one named rule refused it. */
public sealed interface Decision {

    /**
     * Every rule allowed the referral.
     *
     * @param refereeId the account the referee name resolved to
     * @param clientId  the job's client as the ledger knows it: the one the referral is addressed to, never an id
     *                  taken from the request
     */
    record Eligible(String refereeId, String clientId) implements Decision {
        public Eligible {
            Objects.requireNonNull(refereeId, "refereeId");
            Objects.requireNonNull(clientId, "clientId");
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
