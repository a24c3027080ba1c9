package dev.referrals.worker.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import dev.referrals.worker.WorkerProperties;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.mail.MailSendException;
import org.springframework.util.backoff.BackOffExecution;

/** A permanent refusal (5xx) is told from a server that is down or asks to try later, as SmtpConnections wraps them. */
class SmtpRefusalsTest {

    @Test
    void aRecipientRefusedWith550IsPermanent() throws Exception {
        SMTPAddressFailedException refused = new SMTPAddressFailedException(new InternetAddress("ben@mail.example"),
                "RCPT TO", 550, "5.1.1 <ben@mail.example>: Recipient address rejected: User unknown");
        SendFailedException invalid = new SendFailedException("Invalid Addresses", refused,
                new Address[0], new Address[0], new Address[] {refused.getAddress()});

        assertThat(SmtpRefusals.permanentReplyCode(asSent(invalid))).isEqualTo(550);
    }

    @Test
    void aMessageRefusedWith554IsPermanent() {
        SMTPSendFailedException refused = new SMTPSendFailedException("DATA", 554,
                "5.7.1 Message rejected as spam", null, new Address[0], new Address[0], new Address[0]);

        assertThat(SmtpRefusals.permanentReplyCode(asSent(refused))).isEqualTo(554);
    }

    @Test
    void aServerThatAsksToTryLaterOrCannotBeReachedRefusedNothingForGood() {
        SMTPSendFailedException later = new SMTPSendFailedException("MAIL FROM", 451,
                "4.3.0 Temporary failure, try again later", null, new Address[0], new Address[0], new Address[0]);

        assertThat(SmtpRefusals.permanentReplyCode(asSent(later))).isZero();
        assertThat(SmtpRefusals.permanentReplyCode(new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")))))
                .isZero();
    }

    @Test
    void aPermanentRefusalGoesToTheDeadLetterTopicWithoutARetryAndSaysWhy() throws Exception {
        WorkerBackOffs backOffs = new WorkerBackOffs(new WorkerProperties(null, null,
                new WorkerProperties.LateFacts(Duration.ofSeconds(30), Duration.ofSeconds(1)),
                new WorkerProperties.Claims(Duration.ofMinutes(1))));
        ReferralEmail email = new ReferralEmail("r-1", Role.REFEREE, MessageId.of("r-1", Role.REFEREE, "example.test"),
                "ben", new InternetAddress("ben@mail.example"), "Ben", "Ana", "Ben", "Kafka engineer", null,
                URI.create("https://marketplace.example/jobs/job-1"), Instant.now(), Set.of());
        EmailNotAccepted refusal = new EmailNotAccepted(email, 550, asSent(new SMTPSendFailedException("RCPT TO", 550,
                "5.1.1 User unknown", null, new Address[0], new Address[0], new Address[0])));

        assertThat(backOffs.backOffFor(new ListenerExecutionFailedException("Listener failed", refusal)).start()
                .nextBackOff()).isEqualTo(BackOffExecution.STOP);
        assertThat(refusal.getMessage()).contains("refused the referee email", "for good (550)", "5.1.1 User unknown");
    }

    private static MailSendException asSent(MessagingException failure) {
        return new MailSendException("Failed to send the message", failure);
    }
}
