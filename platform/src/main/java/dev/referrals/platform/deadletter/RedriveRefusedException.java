package dev.referrals.platform.deadletter;

/**
 * A redrive that would send records anywhere but to the catalogue topic their dead-letter topic belongs to. Nothing
 * was sent. The endpoint answers it with 403.
 */
public class RedriveRefusedException extends RuntimeException {

    private final String deadLetterTopic;
    private final String requestedTarget;

    /**
     * @param deadLetterTopic the topic the redrive was asked for
     * @param requestedTarget the target the caller named, or null
     * @param reason          why it is refused, for the caller
     */
    public RedriveRefusedException(String deadLetterTopic, String requestedTarget, String reason) {
        super(reason);
        this.deadLetterTopic = deadLetterTopic;
        this.requestedTarget = requestedTarget;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    /** The target the caller named, or null when it named none. */
    public String requestedTarget() {
        return requestedTarget;
    }
}
