package dev.referrals.worker.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.referrals.events.ReferralCreated;
import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.platform.failure.DependencyOutages;
import dev.referrals.schemas.Topics;
import dev.referrals.worker.KafkaTestClient;
import dev.referrals.worker.Meters;
import dev.referrals.worker.directory.ContactDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The worker while its SMTP server is down: a context pointed at a port where nothing listens. The bounded retries
 * of this context would dead-letter a failing record after two quick attempts; an SMTP server that is down is no
 * such failure, and the referral waits for it (quick waits here, so that many attempts fail within the test).
 */
@SpringBootTest(properties = {
        "referrals.kafka.retry.initial-interval=50ms",
        "referrals.kafka.retry.max-attempts=2",
        "referrals.kafka.outage.initial-interval=100ms",
        "referrals.kafka.outage.max-interval=300ms"})
@LocalStackContext
@Import({KafkaTestClient.class, SmtpOutageIT.ClosedSmtpPort.class})
class SmtpOutageIT {

    /** Failed attempts while SMTP is down: many more than the bounded retries allow. */
    private static final int ATTEMPTS_WHILE_DOWN = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Free now, and nothing in this JVM listens on it until a test starts its own SMTP server there. */
    static final int SMTP_PORT = freePort();

    @Autowired
    private KafkaTestClient kafka;

    @Autowired
    private ContactDirectory directory;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private DependencyOutages outages;


    @Test
    void whileSmtpIsDownTheReferralWaitsForItWithoutLimitAndBothEmailsArriveOnceItIsBack() throws Exception {
        Cast cast = Cast.published(kafka, directory);
        double failedBefore = failed("referee");
        double deadLettersBefore = deadLetters();
        ReferralCreated referral = cast.referral();

        kafka.send(Topics.REFERRAL_CREATED, referral.getJobId(), referral);
        await().atMost(WAIT).until(() -> failed("referee") >= failedBefore + ATTEMPTS_WHILE_DOWN);
        assertThat(outages.current()).containsKey(EmailSender.SMTP);
        assertThat(Cast.ledgerRoles(jdbc, referral)).isEmpty();

        GreenMail smtp = smtpServer();
        smtp.start();
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(Cast.ledgerRoles(jdbc, referral))
                    .containsExactlyInAnyOrder("referee", "client"));
            List<MimeMessage> received = Arrays.asList(smtp.getReceivedMessages());
            assertThat(received).hasSize(2);
            assertThat(received).extracting(message -> ((InternetAddress) message.getAllRecipients()[0]).getAddress())
                    .containsExactlyInAnyOrder(cast.refereeEmail, cast.clientEmail);
        } finally {
            smtp.stop();
        }
        assertThat(deadLetters()).isEqualTo(deadLettersBefore);
    }

    /**
     * The worker keeps its SMTP connection from one email to the next ({@link SmtpConnections}). When the server
     * restarts in between, the kept connection is dead: it is dropped unused and the next email opens a new one,
     * without a failed send or a retry.
     */
    @Test
    void aKeptConnectionThatTheServerDroppedIsReplacedWithoutAFailedSend() throws Exception {
        GreenMail first = smtpServer();
        first.start();
        Cast before = Cast.published(kafka, directory);
        ReferralCreated sentBefore = before.referral();
        try {
            kafka.send(Topics.REFERRAL_CREATED, sentBefore.getJobId(), sentBefore);
            await().atMost(WAIT).untilAsserted(() -> assertThat(Cast.ledgerRoles(jdbc, sentBefore)).hasSize(2));
        } finally {
            first.stop();
        }
        double failedBefore = failed("referee") + failed("client");

        GreenMail second = smtpServer();
        second.start();
        try {
            Cast after = Cast.published(kafka, directory);
            ReferralCreated sentAfter = after.referral();
            kafka.send(Topics.REFERRAL_CREATED, sentAfter.getJobId(), sentAfter);
            await().atMost(WAIT).untilAsserted(() -> assertThat(Cast.ledgerRoles(jdbc, sentAfter)).hasSize(2));
            assertThat(second.getReceivedMessages()).hasSize(2);
            assertThat(failed("referee") + failed("client")).isEqualTo(failedBefore);
        } finally {
            second.stop();
        }
    }



    /** Every dead letter this worker published, on any topic. */
    private double deadLetters() {
        return meters.find("referrals.deadletters.published").counters().stream().mapToDouble(Counter::count).sum();
    }

    private double failed(String role) {
        return Meters.count(meters, EmailMetrics.FAILED, "role", role);
    }

    /** An SMTP server on {@link #SMTP_PORT}, given time to start on a loaded machine (GreenMail's default is 2 s). */
    private static GreenMail smtpServer() {
        ServerSetup setup = new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(Duration.ofSeconds(30).toMillis());
        return new GreenMail(setup);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /**
     * Points the mail sender at {@link #SMTP_PORT}. The local stack's initializer sets {@code spring.mail.port}
     * above test properties, so this goes on top later, before any bean reads it.
     */
    static class ClosedSmtpPort implements BeanFactoryPostProcessor, EnvironmentAware {

        private ConfigurableEnvironment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = (ConfigurableEnvironment) environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("closedSmtpPort", Map.of("spring.mail.port", SMTP_PORT)));
        }
    }
}
