package dev.referrals.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import dev.referrals.localstack.junit.LocalStackTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@LocalStackTest
class MailSinkTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(10);
    private static final String ANY_PASSWORD = "anything";

    @Test
    void mailSentOverSmtpIsReadableThroughTheSinkAndOverImap(MailSink sink) throws Exception {
        String recipient = "freelancer-" + UUID.randomUUID() + "@example.test";
        send(sink, recipient, "You were referred");

        List<MimeMessage> received = sink.awaitMessagesFor(recipient, 1, ARRIVAL);
        assertThat(received).extracting(MimeMessage::getSubject).containsExactly("You were referred");

        Store store = session(sink).getStore("imap");
        store.connect(sink.host(), sink.imapPort(), recipient, ANY_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(Message::getSubject).containsExactly("You were referred");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void eachRecipientSeesOnlyItsOwnMail(MailSink sink) throws Exception {
        String client = "client-" + UUID.randomUUID() + "@example.test";
        String other = "other-" + UUID.randomUUID() + "@example.test";
        send(sink, client, "For the client");
        send(sink, other, "For someone else");

        assertThat(sink.awaitMessagesFor(client, 1, ARRIVAL))
                .extracting(MimeMessage::getSubject).containsExactly("For the client");
    }

    @Test
    void clearForgetsEveryMailboxAndTheSinkKeepsAcceptingMail() throws Exception {
        // A sink of its own: the shared one holds other tests' mail.
        try (MailSink own = MailSink.start(MailSinkSettings.anyFreePorts())) {
            send(own, "first@example.test", "Before");
            send(own, "second@example.test", "Before");
            assertThat(own.receivedMessages()).hasSize(2);

            own.clear();

            assertThat(own.receivedMessages()).isEmpty();
            assertThat(own.receivedMessagesFor("first@example.test")).isEmpty();
            send(own, "first@example.test", "After");
            assertThat(own.awaitMessagesFor("first@example.test", 1, ARRIVAL))
                    .extracting(MimeMessage::getSubject).containsExactly("After");
        }
    }

    @Test
    void busySmtpPortFailsWithOneLineNamingThePortAndTheSetting() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(MailSinkSettings.LOCALHOST, LocalPorts.ANY_FREE_PORT));
            int busyPort = squatter.getLocalPort();

            assertThatThrownBy(() -> MailSink.start(
                    new MailSinkSettings(MailSinkSettings.LOCALHOST, busyPort, LocalPorts.ANY_FREE_PORT)))
                    .isInstanceOf(LocalStackStartupException.class)
                    .hasMessage("SMTP mail sink cannot listen on localhost:" + busyPort + " (port in use); set "
                            + "REFERRALS_LOCAL_SMTP_PORT or -Dreferrals.local.smtp-port to a free port");
        }
    }

    private static void send(MailSink sink, String recipient, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session(sink));
        message.setFrom(new InternetAddress("referrals@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(subject);
        message.setText("Hello");
        Transport.send(message);
    }

    private static Session session(MailSink sink) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", sink.host());
        properties.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
        return Session.getInstance(properties);
    }
}
