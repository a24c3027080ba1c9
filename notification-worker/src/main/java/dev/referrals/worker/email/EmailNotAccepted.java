package dev.referrals.worker.email;

/**
 * The SMTP server refused an email for good: a 5xx reply to the sender, a recipient or the message. Retrying cannot
 * help, so the referral goes to {@code referrals.referral-created-dlt} at once ({@link WorkerBackOffs}), with this
 * message, reply code included, as its reason. A server that is down, unreachable or answers 4xx is not this: the
 * referral then waits for it without limit ({@link EmailSender}).
 *
 * <p>The mail failure is kept as a suppressed exception, not as the cause: the dead-letter reason header names the
 * innermost cause, and "ConnectException: Connection refused" alone would not say that it was the mail server. The
 * stack trace still shows the whole failure.
 */
public class EmailNotAccepted extends RuntimeException {

    EmailNotAccepted(ReferralEmail email, int replyCode, Exception failure) {
        super("SMTP server refused the " + email.role().tag() + " email " + email.messageId()
                + " of referral " + email.referralId() + " for good (" + replyCode + "): " + describe(failure));
        addSuppressed(failure);
    }

    /**
     * The exceptions of the chain as {@code SimpleName: message}, outermost first, on one line; a cause whose message
     * an outer one already quotes (JavaMail's and Spring's do) is left out.
     */
    static String describe(Throwable failure) {
        StringBuilder description = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (description.indexOf(message) >= 0) {
                continue;
            }
            if (!description.isEmpty()) {
                description.append("; ");
            }
            description.append(cause.getClass().getSimpleName()).append(": ").append(message);
        }
        return description.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}
