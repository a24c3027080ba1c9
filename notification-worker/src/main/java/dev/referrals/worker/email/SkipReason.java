package dev.referrals.worker.email;

/** Why an email of a referral is not sent, for good. */
public enum SkipReason {

    /** The recipient's account was erased: there is no address, and there must be none. */
    ERASED("erased"),
    /** The recipient's account was still unknown when the grace period ended. */
    UNKNOWN("unknown"),
    /** The recipient's address is not a valid email address; no retry can fix it. */
    INVALID_ADDRESS("invalid-address");

    private final String tag;

    SkipReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
