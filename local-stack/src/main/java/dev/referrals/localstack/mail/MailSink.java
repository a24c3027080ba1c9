package dev.referrals.localstack.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
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
 *
 * <p>For fault tests its servers can be stopped and started again ({@link #stop()}, {@link #startAgain()}) on the same
 * ports. The mailboxes outlive them: mail received before a stop is still there, and still readable, after it.
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
    private final ServerSetup smtpSetup;
    private final ServerSetup imapSetup;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The SMTP and IMAP servers listening: GreenMail's own at first, new ones after a restart; none when stopped. */
    private List<AbstractServer> listening;

    private MailSink(GreenMail greenMail, String host, ServerSetup smtpSetup, ServerSetup imapSetup) {
        this.greenMail = greenMail;
        this.host = host;
        this.smtpSetup = smtpSetup;
        this.imapSetup = imapSetup;
        this.listening = List.of(greenMail.getSmtp(), greenMail.getImap());
    }

    /**
     * Starts SMTP and IMAP.
     *
     * @throws LocalStackStartupException with a one-line message if a port is busy
     */
    public static MailSink start(MailSinkSettings settings) {
        boolean portsChosenHere = settings.smtpPort() == LocalPorts.ANY_FREE_PORT
                && settings.imapPort() == LocalPorts.ANY_FREE_PORT;
        return LocalPorts.retryLostPortRace(portsChosenHere, () -> startOnce(settings));
    }

    private static MailSink startOnce(MailSinkSettings settings) {
        String host = settings.host();
        int smtpPort = LocalPorts.resolve(settings.smtpPort());
        int imapPort = LocalPorts.resolve(settings.imapPort());
        LocalPorts.requireFree(WHAT_SMTP, host, smtpPort, Setting.SMTP_PORT);
        LocalPorts.requireFree(WHAT_IMAP, host, imapPort, Setting.IMAP_PORT);
        ServerSetup smtpSetup = patient(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
        ServerSetup imapSetup = patient(new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP));
        GreenMail greenMail = new GreenMail(new ServerSetup[] {smtpSetup, imapSetup})
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
        return new MailSink(greenMail, host, smtpSetup, imapSetup);
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
        return smtpSetup.getPort();
    }

    public int imapPort() {
        return imapSetup.getPort();
    }

    /** Whether SMTP and IMAP accept connections; false between {@link #stop()} and {@link #startAgain()}. */
    public synchronized boolean isListening() {
        return !listening.isEmpty();
    }

    /**
     * Closes SMTP and IMAP, and the connections they have open, as a mail server that went down would; the mailboxes
     * are kept. Stopping a stopped sink does nothing.
     */
    public synchronized void stop() {
        if (listening.isEmpty()) {
            log.info("Mail sink on {} (SMTP {}, IMAP {}) is stopped already", host(), smtpPort(), imapPort());
            return;
        }
        listening.forEach(AbstractServer::stopService);
        listening = List.of();
        log.info("Mail sink on {} stopped: SMTP {} and IMAP {} refuse connections", host(), smtpPort(), imapPort());
    }

    /**
     * Starts SMTP and IMAP again on their ports, over the same mailboxes, and returns once both listen. A running
     * sink is left alone.
     *
     * @throws IllegalStateException if a server does not listen within the start-up timeout
     */
    public synchronized void startAgain() {
        if (!listening.isEmpty()) {
            log.info("Mail sink on {} (SMTP {}, IMAP {}) listens already", host(), smtpPort(), imapPort());
            return;
        }
        List<AbstractServer> servers = List.of(new SmtpServer(smtpSetup, greenMail.getManagers()),
                new ImapServer(imapSetup, greenMail.getManagers()));
        servers.forEach(AbstractServer::startService);
        for (AbstractServer server : servers) {
            if (!awaitRunning(server)) {
                servers.forEach(AbstractServer::stopService);
                throw new IllegalStateException("Mail sink's " + server.getProtocol() + " did not listen on "
                        + host() + ":" + server.getPort() + " again within " + STARTUP_TIMEOUT.toSeconds() + " s");
            }
        }
        listening = servers;
        log.info("Mail sink on {} started again: SMTP {}, IMAP {}, {} message(s) kept", host(), smtpPort(),
                imapPort(), greenMail.getReceivedMessages().length);
    }

    private static boolean awaitRunning(AbstractServer server) {
        try {
            return server.waitTillRunning(STARTUP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            listening.forEach(AbstractServer::stopService);
            listening = List.of();
            greenMail.stop();
            log.info("Mail sink stopped");
        }
    }
}
