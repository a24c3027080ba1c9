package dev.referrals.worker.email;

import dev.referrals.platform.failure.Causes;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Tells a permanent refusal of the SMTP server (a 5xx reply to the sender, a recipient or the message) from a server
 * that is down, unreachable or answered 4xx (try again later). Only the first may end in the dead-letter topic.
 */
final class SmtpRefusals {

    private static final int FIRST_PERMANENT_CODE = 500;

    private SmtpRefusals() {
    }

    /** The 5xx reply code anywhere in the failure's chain, or 0 when the server refused nothing for good. */
    static int permanentReplyCode(Throwable failure) {
        return Causes.first(failure, cause -> replyCode(cause) >= FIRST_PERMANENT_CODE)
                .map(SmtpRefusals::replyCode).orElse(0);
    }

    private static int replyCode(Throwable cause) {
        if (cause instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        if (cause instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (cause instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        return 0;
    }
}
