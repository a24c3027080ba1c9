package dev.referrals.worker.email;

import dev.referrals.worker.WorkerProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one email to the SMTP server: From, To, the subject, a multipart/alternative body with the plain-text and the
 * HTML part, and the deterministic Message-ID.
 */
@Component
class EmailSender {

    private final JavaMailSenderImpl mailSender;
    private final InternetAddress from;

    EmailSender(JavaMailSenderImpl mailSender, WorkerProperties properties) {
        this.mailSender = mailSender;
        this.from = parseFrom(properties.mail().from());
    }

    /**
     * Returns once the SMTP server accepted the email.
     *
     * @throws EmailNotAccepted when it did not
     */
    void send(ReferralEmail email, RenderedEmail content) {
        MimeMessage message = new FixedMessageIdMimeMessage(mailSender.getSession(), email.messageId());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(email.recipient());
            helper.setSubject(content.subject());
            helper.setText(content.text(), content.html());
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build the " + email.role().tag() + " email " + email.messageId(), e);
        }
        try {
            mailSender.send(message);
        } catch (MailException e) {
            throw new EmailNotAccepted(email, e);
        }
    }

    /** At start-up, so that a wrong From address stops the worker instead of dead-lettering every referral. */
    private static InternetAddress parseFrom(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("referrals.worker.mail.from is not an email address: '" + from + "'", e);
        }
    }
}
