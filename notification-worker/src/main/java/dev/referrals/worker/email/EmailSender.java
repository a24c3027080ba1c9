package dev.referrals.worker.email;

import dev.referrals.platform.failure.DependencyUnavailableException;
import dev.referrals.worker.WorkerProperties;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one email to the SMTP server: From, To, the subject, a multipart/alternative body with the plain-text and the
 * HTML part, and the deterministic Message-ID; over a connection kept from the previous email ({@link SmtpConnections}).
 */
@Component
class EmailSender {

    /**
     * JavaMail looks up its {@code StreamProvider} for every message part it builds (jakartaee/mail-api#699, #861).
     * Without this property each lookup runs the ServiceLoader over every jar inside the worker's Boot jar, which was
     * about half of the worker's CPU per email (see benchmarks/README.md). With it, JavaMail instantiates the one
     * provider the worker ships, Angus Mail's, directly. A value set on the command line is left alone.
     */
    /** The dependency's name in the platform's outage metric and health ({@code dependency="smtp"}). */
    static final String SMTP = "smtp";

    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    /** Angus Mail's provider, the implementation Spring Boot's mail starter brings (a runtime dependency). */
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    /**
     * Spring's helper otherwise builds a new file type map for every message, reading the {@code mime.types} of every
     * jar, the other half of that CPU. The map only names the type of attached files, and these emails attach none.
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private final JavaMailSenderImpl mailSender;
    private final SmtpConnections connections;
    private final InternetAddress from;

    EmailSender(JavaMailSenderImpl mailSender, SmtpConnections connections, WorkerProperties properties) {
        this.mailSender = mailSender;
        this.connections = connections;
        this.from = parseFrom(properties.mail().from());
    }

    /**
     * Returns once the SMTP server accepted the email.
     *
     * @throws EmailNotAccepted when it refused the email for good (5xx)
     * @throws DependencyUnavailableException when it could not be reached, timed out or answered 4xx: the platform
     *         retries the referral without limit, never dead-letters it for this
     */
    void send(ReferralEmail email, RenderedEmail content) {
        MimeMessage message = new FixedMessageIdMimeMessage(mailSender.getSession(), email.messageId());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name()) {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(from);
            helper.setTo(email.recipient());
            helper.setSubject(content.subject());
            helper.setText(content.text(), content.html());
        } catch (MessagingException e) {
            throw new MailPreparationException("cannot build the " + email.role().tag() + " email " + email.messageId(), e);
        }
        try {
            connections.send(message);
        } catch (MailException e) {
            int refusedWith = SmtpRefusals.permanentReplyCode(e);
            if (refusedWith != 0) {
                throw new EmailNotAccepted(email, refusedWith, e);
            }
            throw new DependencyUnavailableException(SMTP, "SMTP server did not take the " + email.role().tag()
                    + " email " + email.messageId() + " of referral " + email.referralId() + ": "
                    + EmailNotAccepted.describe(e), e);
        }
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap fileTypes = new ConfigurableMimeFileTypeMap();
        fileTypes.afterPropertiesSet();
        return fileTypes;
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
