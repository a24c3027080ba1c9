package dev.referrals.worker.email;

/**
 * Who an email of a referral goes to. Each ReferralCreated makes one email per role; {@link ReferralFacts#recipientOf}
 * says which account that is.
 */
public enum Role {

    /** The referred freelancer: the referral's refereeId. */
    REFEREE("referee"),

    /** The client who owns the job, as this worker's jobs directory knows it: never an id taken from the event. */
    CLIENT("client");

    private final String tag;

    Role(String tag) {
        this.tag = tag;
    }

    /** Lower case: in Message-IDs, template names, the ledger and metric tags. */
    public String tag() {
        return tag;
    }

    public static Role ofTag(String tag) {
        for (Role role : values()) {
            if (role.tag.equals(tag)) {
                return role;
            }
        }
        throw new IllegalArgumentException("no role " + tag);
    }
}
