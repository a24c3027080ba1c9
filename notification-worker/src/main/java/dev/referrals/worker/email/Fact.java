package dev.referrals.worker.email;

/** A fact an email needs from the contact directory, and which may arrive after the referral (I6). */
public enum Fact {

    /** The contact the email goes to: without it there is nobody to send to. */
    RECIPIENT("recipient"),
    /** The referrer's name. */
    REFERRER("referrer"),
    /** The referee's name, in the client's email. */
    REFEREE("referee"),
    /** The job's title. */
    JOB("job");

    private final String tag;

    Fact(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
