package dev.referrals.localstack.mail;

import dev.referrals.localstack.LocalPorts;
import java.util.Objects;

/**
 * Where the mail sink listens.
 *
 * @param host     the host name both servers bind
 * @param smtpPort the SMTP port the services send to, or {@link LocalPorts#ANY_FREE_PORT}
 * @param imapPort the IMAP port a mail client reads from, or {@link LocalPorts#ANY_FREE_PORT}
 */
public record MailSinkSettings(String host, int smtpPort, int imapPort) {

    public static final String LOCALHOST = "localhost";

    public MailSinkSettings {
        Objects.requireNonNull(host, "host");
    }

    /** Free ports: what a test wants. */
    public static MailSinkSettings anyFreePorts() {
        return new MailSinkSettings(LOCALHOST, LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT);
    }
}
