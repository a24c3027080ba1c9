package dev.referrals.worker.email;

import static dev.referrals.worker.TestEvents.client;
import static dev.referrals.worker.TestEvents.freelancer;
import static dev.referrals.worker.TestEvents.job;
import static dev.referrals.worker.TestEvents.uniqueEmail;
import static dev.referrals.worker.TestEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralCreated;
import dev.referrals.localstack.mail.MailSink;
import dev.referrals.platform.kafka.DeadLetterReason;
import dev.referrals.schemas.Topics;
import dev.referrals.worker.KafkaTestClient;
import dev.referrals.worker.MailParts;
import dev.referrals.worker.TestEvents;
import dev.referrals.worker.Meters;
import dev.referrals.worker.WorkerIntegrationTest;
import dev.referrals.worker.directory.ContactDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two emails of a referral, end to end: facts and referrals published to the real broker, emails read from the
 * real SMTP sink, the ledger read from the real database.
 */
@WorkerIntegrationTest
class ReferralEmailsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");
    private static final String MESSAGE = "Ben shipped our payments service <script>alert('x')</script> & more";

    @Autowired
    private KafkaTestClient kafka;

    @Autowired
    private ContactDirectory directory;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    /** The people and the job of one referral, published as upstream facts. */
    private final class Cast {
        final String referrerId = uniqueId("ana");
        final String refereeId = uniqueId("ben");
        final String clientId = uniqueId("carla");
        final String jobId = uniqueId("job");
        final String referrerEmail = uniqueEmail("ana");
        final String refereeEmail = uniqueEmail("ben");
        final String clientEmail = uniqueEmail("carla");

        Cast publishAll() {
            publishReferrer();
            publishReferee();
            publishClient();
            publishJob();
            awaitKnown(referrerId, refereeId, clientId);
            return this;
        }

        void publishReferrer() {
            kafka.send(Topics.ACCOUNTS, referrerId, freelancer(referrerId, "Ana Alves", referrerEmail, Instant.now()));
        }

        void publishReferee() {
            kafka.send(Topics.ACCOUNTS, refereeId, freelancer(refereeId, "Ben Brown", refereeEmail, Instant.now()));
        }

        void publishClient() {
            kafka.send(Topics.ACCOUNTS, clientId, client(clientId, "Carla Costa", clientEmail, Instant.now()));
        }

        void publishJob() {
            kafka.send(Topics.JOBS, jobId, job(jobId, clientId, "Senior Kafka engineer", Instant.now()));
            await().atMost(WAIT).until(() -> directory.job(jobId).isPresent());
        }

        ReferralCreated referral(String message) {
            return TestEvents.referral(jobId, clientId, referrerId, refereeId, message);
        }
    }

    @Test
    void aReferralCreatedSendsExactlyOneEmailToTheRefereeAndOneToTheClient(MailSink mail) throws Exception {
        Cast cast = new Cast().publishAll();
        ReferralCreated referral = cast.referral(MESSAGE);

        publish(referral);

        MimeMessage toReferee = single(mail.awaitMessagesFor(cast.refereeEmail, 1, WAIT));
        MimeMessage toClient = single(mail.awaitMessagesFor(cast.clientEmail, 1, WAIT));
        awaitLedger(referral, "referee", "client");
        assertThat(mail.receivedMessagesFor(cast.refereeEmail)).hasSize(1);
        assertThat(mail.receivedMessagesFor(cast.clientEmail)).hasSize(1);
        assertThat(mail.receivedMessagesFor(cast.referrerEmail)).isEmpty();

        assertThat(toReferee.getMessageID())
                .isEqualTo("<" + referral.getReferralId() + ".referee@" + WorkerIntegrationTest.MESSAGE_ID_DOMAIN + ">");
        assertThat(toClient.getMessageID())
                .isEqualTo("<" + referral.getReferralId() + ".client@" + WorkerIntegrationTest.MESSAGE_ID_DOMAIN + ">");
        assertThat(toReferee.getFrom()).containsExactly(
                new InternetAddress("Referrals <referrals@marketplace.example.test>"));
        assertThat(toReferee.getSubject()).isEqualTo("Ana Alves referred you for Senior Kafka engineer");
        assertThat(toClient.getSubject()).isEqualTo("Ana Alves referred Ben Brown for Senior Kafka engineer");

        MailParts referee = MailParts.of(toReferee);
        MailParts client = MailParts.of(toClient);
        for (MailParts parts : List.of(referee, client)) {
            assertThat(parts.alternative()).as("multipart/alternative of text and HTML").isTrue();
            assertThat(parts.html())
                    .contains("Ana Alves", "Senior Kafka engineer",
                            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                    .doesNotContain("<script>");
            assertThat(parts.text()).contains("Ana Alves", "Senior Kafka engineer", MESSAGE);
            assertThat(links(parts.html())).isNotEmpty()
                    .allSatisfy(link -> assertThat(link).startsWith(WorkerIntegrationTest.BASE_URL + "/"));
        }
        assertThat(links(referee.html()))
                .containsExactly(WorkerIntegrationTest.BASE_URL + "/freelancers/" + cast.refereeId + "/referrals");
        assertThat(links(client.html()))
                .containsExactly(WorkerIntegrationTest.BASE_URL + "/jobs/" + cast.jobId + "/invitations");
        assertThat(client.html()).contains("Ben Brown");
        assertThat(Meters.timerCount(meters, EmailMetrics.LATENCY, "role", "client")).isPositive();
    }

    @Test
    void aRedeliveredReferralCreatedSendsNothingNew(MailSink mail) {
        Cast cast = new Cast().publishAll();
        ReferralCreated referral = cast.referral(null);
        publish(referral);
        awaitLedger(referral, "referee", "client");
        double refereeSeenBefore = alreadySent("referee");
        double clientSeenBefore = alreadySent("client");

        publish(referral);

        await().atMost(WAIT).until(() -> alreadySent("referee") > refereeSeenBefore
                && alreadySent("client") > clientSeenBefore);
        assertThat(mail.receivedMessagesFor(cast.refereeEmail)).hasSize(1);
        assertThat(mail.receivedMessagesFor(cast.clientEmail)).hasSize(1);
        assertThat(ledgerRoles(referral)).containsExactlyInAnyOrder("referee", "client");
    }

    @Test
    void anErasedRecipientIsSkippedAtOnceWhileTheOtherEmailIsStillSent(MailSink mail) {
        Cast cast = new Cast().publishAll();
        kafka.send(Topics.ACCOUNTS, cast.refereeId, null);
        await().atMost(WAIT).until(() -> directory.contact(cast.refereeId).orElseThrow().erased());
        double skippedBefore = skipped("referee", "erased");
        double deferredBefore = Meters.count(meters, EmailMetrics.DEFERRED, "role", "referee");

        ReferralCreated referral = cast.referral("Hi");
        publish(referral);

        MimeMessage toClient = single(mail.awaitMessagesFor(cast.clientEmail, 1, WAIT));
        await().atMost(WAIT).until(() -> skipped("referee", "erased") == skippedBefore + 1);
        awaitLedger(referral, "client");
        assertThat(mail.receivedMessagesFor(cast.refereeEmail)).isEmpty();
        assertThat(Meters.count(meters, EmailMetrics.DEFERRED, "role", "referee")).isEqualTo(deferredBefore);
        assertThat(subject(toClient)).isEqualTo("Ana Alves referred a freelancer for Senior Kafka engineer");
    }

    @Test
    void anUnknownRecipientIsSkippedOnceTheGracePeriodIsOverAndTheConsumerCarriesOn(MailSink mail) {
        Cast cast = new Cast();
        cast.publishReferrer();
        cast.publishClient();
        cast.publishJob();
        awaitKnown(cast.referrerId, cast.clientId);
        double skippedBefore = skipped("referee", "unknown");
        double deferredBefore = Meters.count(meters, EmailMetrics.DEFERRED, "role", "referee");
        ReferralCreated referral = cast.referral(null);

        publish(referral);

        mail.awaitMessagesFor(cast.clientEmail, 1, WAIT);
        await().atMost(WAIT).until(() -> skipped("referee", "unknown") == skippedBefore + 1);
        assertThat(Meters.count(meters, EmailMetrics.DEFERRED, "role", "referee")).isGreaterThan(deferredBefore);
        assertThat(ledgerRoles(referral)).containsExactly("client");
        assertThat(mail.receivedMessagesFor(cast.refereeEmail)).isEmpty();

        // The next referral on the same job (the same partition) is handled: the skipped one blocks nothing.
        cast.publishReferee();
        awaitKnown(cast.refereeId);
        publish(cast.referral(null));
        mail.awaitMessagesFor(cast.refereeEmail, 1, WAIT);
        mail.awaitMessagesFor(cast.clientEmail, 2, WAIT);
    }

    @Test
    void aRecipientWhoseAccountArrivesWithinTheGracePeriodStillGetsTheEmail(MailSink mail) throws Exception {
        Cast cast = new Cast();
        cast.publishReferrer();
        cast.publishClient();
        cast.publishJob();
        awaitKnown(cast.referrerId, cast.clientId);
        double deferredBefore = Meters.count(meters, EmailMetrics.DEFERRED, "role", "referee");
        ReferralCreated referral = cast.referral(null);

        publish(referral);
        await().atMost(WAIT).until(
                () -> Meters.count(meters, EmailMetrics.DEFERRED, "role", "referee") > deferredBefore);
        cast.publishReferee();

        MimeMessage toReferee = single(mail.awaitMessagesFor(cast.refereeEmail, 1, WAIT));
        assertThat(toReferee.getSubject()).isEqualTo("Ana Alves referred you for Senior Kafka engineer");
        MimeMessage toClient = single(mail.awaitMessagesFor(cast.clientEmail, 1, WAIT));
        assertThat(toClient.getSubject()).isEqualTo("Ana Alves referred Ben Brown for Senior Kafka engineer");
        awaitLedger(referral, "referee", "client");
    }

    @Test
    void anUnknownJobIsWordedNeutrallyForTheRefereeButLeavesTheClientEmailWithoutARecipient(MailSink mail)
            throws Exception {
        Cast cast = new Cast();
        cast.publishReferrer();
        cast.publishReferee();
        cast.publishClient();
        awaitKnown(cast.referrerId, cast.refereeId, cast.clientId);
        double neutralBefore = Meters.count(meters, EmailMetrics.NEUTRAL_WORDING, "role", "referee", "fact", "job");
        double skippedBefore = skipped("client", "unknown");
        ReferralCreated referral = cast.referral(null);

        publish(referral);

        MimeMessage toReferee = single(mail.awaitMessagesFor(cast.refereeEmail, 1, WAIT));
        assertThat(toReferee.getSubject()).isEqualTo("Ana Alves referred you for a job");
        await().atMost(WAIT).until(() -> Meters.count(meters, EmailMetrics.NEUTRAL_WORDING,
                "role", "referee", "fact", "job") == neutralBefore + 1);
        // Only the job says whose it is: the clientId of the event is never an address to write to.
        await().atMost(WAIT).until(() -> skipped("client", "unknown") == skippedBefore + 1);
        assertThat(ledgerRoles(referral)).containsExactly("referee");
        assertThat(mail.receivedMessagesFor(cast.clientEmail)).isEmpty();
    }

    @Test
    void theClientEmailGoesToTheJobsClientEvenWhenTheReferralNamesAnother(MailSink mail) throws Exception {
        Cast cast = new Cast().publishAll();
        String otherId = uniqueId("mallory");
        String otherEmail = uniqueEmail("mallory");
        kafka.send(Topics.ACCOUNTS, otherId, client(otherId, "Mallory Mole", otherEmail, Instant.now()));
        awaitKnown(otherId);
        ReferralCreated namingAnother = ReferralCreated.newBuilder(cast.referral(null)).setClientId(otherId).build();

        publish(namingAnother);

        MimeMessage toClient = single(mail.awaitMessagesFor(cast.clientEmail, 1, WAIT));
        assertThat(toClient.getSubject()).isEqualTo("Ana Alves referred Ben Brown for Senior Kafka engineer");
        awaitLedger(namingAnother, "referee", "client");
        assertThat(mail.receivedMessagesFor(otherEmail)).isEmpty();
        assertThat(jdbc.sql("SELECT recipient_account_id FROM sent_emails WHERE referral_id = :id AND role = 'client'")
                .params(Map.of("id", namingAnother.getReferralId())).query(String.class).single())
                .isEqualTo(cast.clientId);
    }

    @Test
    void aPoisonPillOrAnUnknownSchemaIdGoesToTheDeadLetterTopicAndTheNextReferralIsStillEmailed(MailSink mail)
            throws Exception {
        Cast cast = new Cast().publishAll();
        byte[] poison = "not an avro frame".getBytes(StandardCharsets.UTF_8);
        byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(Integer.MAX_VALUE).putInt(42).array();

        kafka.sendRaw(Topics.REFERRAL_CREATED, cast.jobId + "-poison", poison);
        kafka.sendRaw(Topics.REFERRAL_CREATED, cast.jobId + "-unknown-schema", unknownSchema);
        publish(cast.referral(null));

        ConsumerRecord<String, byte[]> poisonLetter =
                kafka.awaitDeadLetter(Topics.REFERRAL_CREATED, cast.jobId + "-poison", WAIT);
        ConsumerRecord<String, byte[]> unknownSchemaLetter =
                kafka.awaitDeadLetter(Topics.REFERRAL_CREATED, cast.jobId + "-unknown-schema", WAIT);
        assertThat(poisonLetter.value()).isEqualTo(poison);
        assertThat(KafkaTestClient.header(poisonLetter, DeadLetterReason.HEADER))
                .startsWith("AvroSerdeException: MALFORMED_FRAME");
        assertThat(unknownSchemaLetter.value()).isEqualTo(unknownSchema);
        assertThat(KafkaTestClient.header(unknownSchemaLetter, DeadLetterReason.HEADER))
                .isEqualTo("SchemaRegistryException: Schema " + Integer.MAX_VALUE + " not found; error code: 40403");
        mail.awaitMessagesFor(cast.refereeEmail, 1, WAIT);
        mail.awaitMessagesFor(cast.clientEmail, 1, WAIT);
    }

    private void publish(ReferralCreated referral) {
        kafka.send(Topics.REFERRAL_CREATED, referral.getJobId(), referral);
    }

    private void awaitKnown(String... accountIds) {
        await().atMost(WAIT).until(() -> directory.contacts(List.of(accountIds)).size() == accountIds.length);
    }

    private void awaitLedger(ReferralCreated referral, String... roles) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(ledgerRoles(referral)).containsExactlyInAnyOrder(roles));
    }

    private List<String> ledgerRoles(ReferralCreated referral) {
        return jdbc.sql("SELECT role FROM sent_emails WHERE referral_id = :referralId")
                .params(Map.of("referralId", referral.getReferralId()))
                .query(String.class)
                .list();
    }

    private double alreadySent(String role) {
        return Meters.count(meters, EmailMetrics.ALREADY_SENT, "role", role);
    }

    private double skipped(String role, String reason) {
        return Meters.count(meters, EmailMetrics.SKIPPED, "role", role, "reason", reason);
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> links(String html) {
        Matcher matcher = LINK.matcher(html);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
