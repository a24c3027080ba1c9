package dev.referrals.localstack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import dev.referrals.localstack.Setting;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server that accepts every message for every recipient, without authentication, and keeps it: tests read
 * what the services sent through {@link #receivedMessagesFor(String)}, and a developer reads it with any mail client
 * over IMAP (log in as the recipient address, with any password).
 */
public final class MailSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private static final String WHAT_SMTP = "SMTP mail sink";
    private static final String WHAT_IMAP = "IMAP mail sink";

    /** How often {@link #awaitMessagesFor} looks again; mail arrives in milliseconds on loopback. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    /** How long SMTP and IMAP may each take to start listening. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final GreenMail greenMail;
    private final String host;
    private final int smtpPort;
    private final int imapPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MailSink(GreenMail greenMail, String host, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.host = host;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /**
     * Starts SMTP and IMAP.
     *
     * @throws LocalStackStartupException with a one-line message if a port is busy
     */
    public static MailSink start(MailSinkSettings settings) {
        String host = settings.host();
        int smtpPort = LocalPorts.resolve(settings.smtpPort());
        int imapPort = LocalPorts.resolve(settings.imapPort());
        LocalPorts.requireFree(WHAT_SMTP, host, smtpPort, Setting.SMTP_PORT);
        LocalPorts.requireFree(WHAT_IMAP, host, imapPort, Setting.IMAP_PORT);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            patient(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP)),
            patient(new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP))})
                // Any login works over IMAP, and mailboxes appear when mail for them arrives.
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            // GreenMail reports a lost race for a port as a start-up timeout; name the port instead when that is it.
            LocalPorts.requireFree(WHAT_SMTP, host, smtpPort, Setting.SMTP_PORT);
            LocalPorts.requireFree(WHAT_IMAP, host, imapPort, Setting.IMAP_PORT);
            throw new LocalStackStartupException("Mail sink failed to start on " + host + " (SMTP " + smtpPort
                    + ", IMAP " + imapPort + ": " + LocalStackStartupException.rootMessage(e) + "); "
                    + Setting.SMTP_PORT.howToChange() + " and " + Setting.IMAP_PORT.howToChange()
                    + " to free ports", e);
        }
        log.info("Mail sink listening on {} (SMTP {}, IMAP {})", host, smtpPort, imapPort);
        return new MailSink(greenMail, host, smtpPort, imapPort);
    }

    /**
     * GreenMail gives a server 2 s to start and reports a slower start as a failure; on a loaded machine of two cores
     * that is too little, and a port that is really busy is named by {@code LocalPorts.requireFree} anyway.
     */
    private static ServerSetup patient(ServerSetup setup) {
        setup.setServerStartupTimeout(STARTUP_TIMEOUT.toMillis());
        return setup;
    }

    public String host() {
        return host;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every message received so far, once per recipient mailbox. */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /**
     * The messages delivered to this address so far. Tests share one sink, so each test reads only the mailboxes of
     * its own recipients.
     */
    public List<MimeMessage> receivedMessagesFor(String recipient) {
        String address = recipient.toLowerCase(Locale.ROOT);
        return greenMail.findReceivedMessages(
                user -> user.getEmail().toLowerCase(Locale.ROOT).equals(address), message -> true).toList();
    }

    /**
     * Waits until at least {@code count} messages were delivered to this address, and returns them all.
     *
     * @throws AssertionError if they do not arrive in time, naming what did arrive
     */
    public List<MimeMessage> awaitMessagesFor(String recipient, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> messages = receivedMessagesFor(recipient);
            if (messages.size() >= count) {
                return messages;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " message(s) for " + recipient + " within "
                        + timeout.toMillis() + " ms, got " + messages.size());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for mail to " + recipient, e);
            }
        }
    }

    /** Empties every mailbox, for a developer who wants a clean inbox without restarting. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Cannot purge the mail sink", e);
        }
    }

    /**
     * Forgets every mailbox with its messages. Unlike {@link #purge()}, which empties them, this keeps the sink as
     * fast as it started: GreenMail delivers more slowly the more mailboxes it holds (over one connection, 960
     * messages/s to the first 5,000 new recipients, 430/s to the fourth 5,000; 1,370/s again once they were
     * deleted), so a benchmark that sends to many recipients clears it between stages.
     */
    public void clear() {
        UserManager users = greenMail.getUserManager();
        for (GreenMailUser user : List.copyOf(users.listUser())) {
            users.deleteUser(user);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            greenMail.stop();
            log.info("Mail sink stopped");
        }
    }
}
