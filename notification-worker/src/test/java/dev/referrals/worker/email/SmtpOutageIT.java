package dev.referrals.worker.email;

import static dev.referrals.worker.TestEvents.client;
import static dev.referrals.worker.TestEvents.freelancer;
import static dev.referrals.worker.TestEvents.job;
import static dev.referrals.worker.TestEvents.referral;
import static dev.referrals.worker.TestEvents.uniqueEmail;
import static dev.referrals.worker.TestEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.referrals.events.ReferralCreated;
import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.platform.kafka.DeadLetterReason;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroDeserializer;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.worker.KafkaTestClient;
import dev.referrals.worker.Meters;
import dev.referrals.worker.directory.ContactDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
 * The worker while its SMTP server is down: a context pointed at a port where nothing listens, with a short
 * back-off (about 6 s of retries in all).
 */
@SpringBootTest(properties = {
        "referrals.kafka.retry.initial-interval=200ms",
        "referrals.kafka.retry.multiplier=2.0",
        "referrals.kafka.retry.max-interval=1s",
        "referrals.kafka.retry.max-attempts=8"})
@LocalStackContext
@Import({KafkaTestClient.class, SmtpOutageIT.ClosedSmtpPort.class})
class SmtpOutageIT {

    private static final int MAX_ATTEMPTS = 8;
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

    @Value("${spring.kafka.properties.schema.registry.url}")
    private String registryUrl;

    @Test
    void whileSmtpIsDownTheReferralIsRetriedThenDeadLetteredWithTheMailFailureAsItsReason() throws Exception {
        Cast cast = publishCast();
        double failedBefore = failed("referee");
        ReferralCreated referral = referral(cast.jobId, cast.clientId, cast.referrerId, cast.refereeId, "Hi");

        kafka.send(Topics.REFERRAL_CREATED, referral.getJobId(), referral);

        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitDeadLetter(Topics.REFERRAL_CREATED, cast.jobId, WAIT);
        assertThat(KafkaTestClient.header(deadLetter, DeadLetterReason.HEADER))
                .startsWith("EmailNotAccepted: SMTP server did not accept the referee email <"
                        + referral.getReferralId() + ".referee@")
                .contains("MailSendException", "localhost, " + SMTP_PORT, "ConnectException");
        assertThat(read(deadLetter)).isEqualTo(referral);
        assertThat(failed("referee")).isEqualTo(failedBefore + 1 + MAX_ATTEMPTS);
        assertThat(ledgerRoles(referral)).isEmpty();
    }

    @Test
    void whenSmtpComesBackWithinTheRetriesBothEmailsArriveOnce() throws Exception {
        Cast cast = publishCast();
        double failedBefore = failed("referee");
        ReferralCreated referral = referral(cast.jobId, cast.clientId, cast.referrerId, cast.refereeId, "Hi");

        kafka.send(Topics.REFERRAL_CREATED, referral.getJobId(), referral);
        await().atMost(WAIT).until(() -> failed("referee") > failedBefore);
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerRoles(referral))
                    .containsExactlyInAnyOrder("referee", "client"));
            List<MimeMessage> received = Arrays.asList(smtp.getReceivedMessages());
            assertThat(received).hasSize(2);
            assertThat(received).extracting(message -> ((InternetAddress) message.getAllRecipients()[0]).getAddress())
                    .containsExactlyInAnyOrder(cast.refereeEmail, cast.clientEmail);
        } finally {
            smtp.stop();
        }
    }

    /**
     * The worker keeps its SMTP connection from one email to the next ({@link SmtpConnections}). When the server
     * restarts in between, the kept connection is dead: it is dropped unused and the next email opens a new one,
     * without a failed send or a retry.
     */
    @Test
    void aKeptConnectionThatTheServerDroppedIsReplacedWithoutAFailedSend() throws Exception {
        GreenMail first = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        first.start();
        Cast before = publishCast();
        ReferralCreated sentBefore = referral(before.jobId, before.clientId, before.referrerId, before.refereeId, "Hi");
        try {
            kafka.send(Topics.REFERRAL_CREATED, sentBefore.getJobId(), sentBefore);
            await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerRoles(sentBefore)).hasSize(2));
        } finally {
            first.stop();
        }
        double failedBefore = failed("referee") + failed("client");

        GreenMail second = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
        second.start();
        try {
            Cast after = publishCast();
            ReferralCreated sentAfter = referral(after.jobId, after.clientId, after.referrerId, after.refereeId, "Hi");
            kafka.send(Topics.REFERRAL_CREATED, sentAfter.getJobId(), sentAfter);
            await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerRoles(sentAfter)).hasSize(2));
            assertThat(second.getReceivedMessages()).hasSize(2);
            assertThat(failed("referee") + failed("client")).isEqualTo(failedBefore);
        } finally {
            second.stop();
        }
    }

    private Cast publishCast() {
        Cast cast = new Cast();
        Instant now = Instant.now();
        kafka.send(Topics.ACCOUNTS, cast.referrerId, freelancer(cast.referrerId, "Ana", uniqueEmail("ana"), now));
        kafka.send(Topics.ACCOUNTS, cast.refereeId, freelancer(cast.refereeId, "Ben", cast.refereeEmail, now));
        kafka.send(Topics.ACCOUNTS, cast.clientId, client(cast.clientId, "Carla", cast.clientEmail, now));
        kafka.send(Topics.JOBS, cast.jobId, job(cast.jobId, cast.clientId, "Senior Kafka engineer", now));
        await().atMost(WAIT).until(() -> directory.job(cast.jobId).isPresent()
                && directory.contacts(List.of(cast.referrerId, cast.refereeId, cast.clientId)).size() == 3);
        return cast;
    }

    private List<String> ledgerRoles(ReferralCreated referral) {
        return jdbc.sql("SELECT role FROM sent_emails WHERE referral_id = :referralId")
                .param("referralId", referral.getReferralId())
                .query(String.class)
                .list();
    }

    private double failed(String role) {
        return Meters.count(meters, EmailMetrics.FAILED, "role", role);
    }

    private Object read(ConsumerRecord<String, byte[]> deadLetter) {
        try (AvroDeserializer deserializer = new AvroDeserializer()) {
            deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            return deserializer.deserialize(deadLetter.topic(), deadLetter.value());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Cast {
        final String referrerId = uniqueId("ana");
        final String refereeId = uniqueId("ben");
        final String clientId = uniqueId("carla");
        final String jobId = uniqueId("job");
        final String refereeEmail = uniqueEmail("ben");
        final String clientEmail = uniqueEmail("carla");
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
