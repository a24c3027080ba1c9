package dev.referrals.worker.email;

/**
 * The SMTP server did not take an email (unreachable, refused, timed out). The error handler retries the referral
 * with back-off and dead-letters it when the retries are spent.
 *
 * <p>The mail failure is kept as a suppressed exception, not as the cause: the dead-letter reason header names the
 * innermost cause, and "ConnectException: Connection refused" alone would not say that it was the mail server. The
 * stack trace still shows the whole failure.
 */
public class EmailNotAccepted extends RuntimeException {

    EmailNotAccepted(ReferralEmail email, Exception failure) {
        super("SMTP server did not accept the " + email.role().tag() + " email " + email.messageId()
                + " of referral " + email.referralId() + ": " + describe(failure));
        addSuppressed(failure);
    }

    /**
     * The exceptions of the chain as {@code SimpleName: message}, outermost first, on one line; a cause whose message
     * an outer one already quotes (JavaMail's and Spring's do) is left out.
     */
    private static String describe(Throwable failure) {
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
