package dev.referrals.worker.email;

import dev.referrals.events.ReferralCreated;

/** Who an email of a referral goes to. Each ReferralCreated makes one email per role. */
public enum Role {

    /** The referred freelancer. */
    REFEREE("referee") {
        @Override
        public String recipientId(ReferralCreated referral) {
            return referral.getRefereeId();
        }
    },

    /** The client who owns the job. */
    CLIENT("client") {
        @Override
        public String recipientId(ReferralCreated referral) {
            return referral.getClientId();
        }
    };

    private final String tag;

    Role(String tag) {
        this.tag = tag;
    }

    /** Lower case: in Message-IDs, template names, the ledger and metric tags. */
    public String tag() {
        return tag;
    }

    /** The account id of the person this email goes to. */
    public abstract String recipientId(ReferralCreated referral);

    public static Role ofTag(String tag) {
        for (Role role : values()) {
            if (role.tag.equals(tag)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role " + tag);
    }
}
