package dev.referrals.worker.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Connections to the SMTP server, kept open from one email to the next. Opening a connection costs the TCP
 * handshake, the server's greeting and EHLO, several round trips (most of a send on the local stack's sink, see
 * benchmarks/README.md); a kept connection costs one NOOP, which also tells that the server still holds it.
 *
 * <p>Each send borrows a connection that no other thread uses meanwhile, so any listener concurrency is safe. A
 * connection whose NOOP or send fails is closed and never reused: the failure goes to the caller exactly as before
 * (the record is retried with back-off), and the retry opens a fresh connection. Sending is what
 * {@link JavaMailSenderImpl#send(MimeMessage...)} does, a sent date, {@code saveChanges()} and the message's own
 * recipients, only without closing the connection afterwards.
 */
@Component
class SmtpConnections implements DisposableBean {

    private static final String DEFAULT_PROTOCOL = "smtp";
    private static final String PROTOCOL_PROPERTY = "mail.transport.protocol";

    private final JavaMailSenderImpl mailSender;
    private final Deque<Transport> idle = new ConcurrentLinkedDeque<>();

    SmtpConnections(JavaMailSenderImpl mailSender) {
        this.mailSender = mailSender;
    }

    /**
     * Returns once the server accepted the message.
     *
     * @throws MailSendException when it did not, or could not be reached
     */
    void send(MimeMessage message) {
        Transport transport = borrow();
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            Address[] recipients = message.getAllRecipients();
            transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
        } catch (MessagingException | RuntimeException failure) {
            close(transport);
            throw new MailSendException("Failed to send the message", failure);
        }
        idle.push(transport);
    }

    @Override
    public void destroy() {
        for (Transport transport = idle.poll(); transport != null; transport = idle.poll()) {
            close(transport);
        }
    }

    /** A kept connection that answers NOOP, else a new one. */
    private Transport borrow() {
        for (Transport kept = idle.poll(); kept != null; kept = idle.poll()) {
            if (kept.isConnected()) {
                return kept;
            }
            close(kept);
        }
        try {
            Transport transport = mailSender.getSession().getTransport(protocol());
            transport.connect(mailSender.getHost(), mailSender.getPort(), blankAsNull(mailSender.getUsername()),
                    blankAsNull(mailSender.getPassword()));
            return transport;
        } catch (MessagingException failure) {
            throw new MailSendException("Mail server connection failed", failure);
        }
    }

    private String protocol() {
        if (mailSender.getProtocol() != null) {
            return mailSender.getProtocol();
        }
        return mailSender.getSession().getProperty(PROTOCOL_PROPERTY) != null
                ? mailSender.getSession().getProperty(PROTOCOL_PROPERTY) : DEFAULT_PROTOCOL;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException alreadyBroken) {
            // The connection is being dropped because it failed; there is nothing more to learn from it.
        }
    }
}
