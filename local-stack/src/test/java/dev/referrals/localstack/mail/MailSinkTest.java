package dev.referrals.localstack.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import dev.referrals.localstack.junit.LocalStackTest;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@LocalStackTest
class MailSinkTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(10);

    @Test
    void mailSentOverSmtpIsReadableThroughTheSinkAndOverImap(MailSink sink) throws Exception {
        String recipient = "freelancer-" + UUID.randomUUID() + "@example.test";
        MailClient.send(sink, recipient, "You were referred");

        List<MimeMessage> received = sink.awaitMessagesFor(recipient, 1, ARRIVAL);
        assertThat(received).extracting(MimeMessage::getSubject).containsExactly("You were referred");

        assertThat(MailClient.inboxSubjects(sink, recipient)).containsExactly("You were referred");
    }

    @Test
    void eachRecipientSeesOnlyItsOwnMail(MailSink sink) throws Exception {
        String client = "client-" + UUID.randomUUID() + "@example.test";
        String other = "other-" + UUID.randomUUID() + "@example.test";
        MailClient.send(sink, client, "For the client");
        MailClient.send(sink, other, "For someone else");

        assertThat(sink.awaitMessagesFor(client, 1, ARRIVAL))
                .extracting(MimeMessage::getSubject).containsExactly("For the client");
    }

    @Test
    void clearForgetsEveryMailboxAndTheSinkKeepsAcceptingMail() throws Exception {
        // A sink of its own: the shared one holds other tests' mail.
        try (MailSink own = MailSink.start(MailSinkSettings.anyFreePorts())) {
            MailClient.send(own, "first@example.test", "Before");
            MailClient.send(own, "second@example.test", "Before");
            assertThat(own.receivedMessages()).hasSize(2);

            own.clear();

            assertThat(own.receivedMessages()).isEmpty();
            assertThat(own.receivedMessagesFor("first@example.test")).isEmpty();
            MailClient.send(own, "first@example.test", "After");
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
}
