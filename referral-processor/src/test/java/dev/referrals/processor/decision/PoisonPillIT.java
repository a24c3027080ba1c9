package dev.referrals.processor.decision;

import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralRequested;
import dev.referrals.platform.kafka.DeadLetterReason;
import dev.referrals.processor.DeadLetters;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.PublishedEvents;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** I5: a record the processor cannot read goes to referrals.referral-requested-dlt, and the next one is decided. */
@ProcessorIntegrationTest
class PoisonPillIT {

    private static final String DECISIONS = "referral-processor.decisions";

    /** No registry hands out this id. */
    private static final int UNKNOWN_SCHEMA_ID = 987_654;

    @Autowired
    private Marketplace marketplace;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private TopicNamespace namespace;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void aPoisonPillIsDeadLetteredWithItsReasonAndTheNextRequestOnThePartitionIsStillDecided() {
        String jobId = unique("job");
        byte[] poison = "{\"requestId\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);

        ConsumerRecord<String, byte[]> deadLetter = sendThenAwaitDeadLetter(jobId, poison);

        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, DeadLetterReason.HEADER)).startsWith("AvroSerdeException: MALFORMED_FRAME");
        assertNextRequestDecided(jobId);
    }

    @Test
    void aRecordWithAnUnknownSchemaIdIsDeadLetteredWithItsReasonAndTheNextRequestIsStillDecided() {
        String jobId = unique("job");
        byte[] unknownSchema = ByteBuffer.allocate(8).put((byte) 0).putInt(UNKNOWN_SCHEMA_ID).put(new byte[3]).array();

        ConsumerRecord<String, byte[]> deadLetter = sendThenAwaitDeadLetter(jobId, unknownSchema);

        // The registry's own answer is the innermost cause: "Schema <id> not found", Confluent's error code 40403.
        assertThat(header(deadLetter, DeadLetterReason.HEADER))
                .contains("Schema " + UNKNOWN_SCHEMA_ID + " not found").contains("40403");
        assertNextRequestDecided(jobId);
    }

    @Test
    void aPoisonPillInTheMiddleOfABatchIsDeadLetteredAndTheRequestsAroundItAreDecided() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        String dan = unique("dan");
        String eve = unique("eve");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben, dan, eve);
        marketplace.givenInvited(jobId, ana, dan);
        ReferralRequested before = referral(jobId, ana, profileUrlOf(ben));
        ReferralRequested after = referral(jobId, dan, profileUrlOf(eve));
        MessageListenerContainer listener = listeners.getListenerContainer(DECISIONS);
        assertThat(listener).isNotNull();

        // Held back while they are published, so that one poll brings all three.
        listener.pause();
        try {
            await().atMost(PublishedEvents.WAIT).until(listener::isContainerPaused);
            marketplace.sendRequest(before);
            sendRaw(jobId, "poison".getBytes(StandardCharsets.UTF_8));
            marketplace.sendRequest(after);
        } finally {
            listener.resume();
        }

        assertThat(published.awaitCreated(before.getRequestId()).getRefereeId()).isEqualTo(ben);
        assertThat(published.awaitCreated(after.getRequestId()).getRefereeId()).isEqualTo(eve);
        assertThat(awaitDeadLetter(jobId).value()).isEqualTo("poison".getBytes(StandardCharsets.UTF_8));
    }

    private ConsumerRecord<String, byte[]> sendThenAwaitDeadLetter(String key, byte[] value) {
        sendRaw(key, value);
        return awaitDeadLetter(key);
    }

    private void sendRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(namespace.name(Topics.REFERRAL_REQUESTED), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the poison pill", e);
        }
    }

    private void assertNextRequestDecided(String jobId) {
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested next = referral(jobId, ana, profileUrlOf(ben));
        marketplace.sendRequest(next);

        assertThat(published.awaitCreated(next.getRequestId()).getRefereeId()).isEqualTo(ben);
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        return DeadLetters.awaitReferralRequest(bootstrapServers, namespace, key);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
