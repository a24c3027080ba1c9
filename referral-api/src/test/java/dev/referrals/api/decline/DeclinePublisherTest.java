package dev.referrals.api.decline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.events.InviteDeclined;
import dev.referrals.schemas.TopicNamespace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/**
 * Which 503 a failed Kafka transaction gets. A commit that times out after the broker acknowledged every record is
 * a failure the local broker cannot be made to produce on demand, so Kafka's own MockProducer plays it, under the
 * real KafkaTemplate transaction code (KafkaUnavailableIT covers an unreachable broker for real).
 */
class DeclinePublisherTest {

    private static final Serializer<SpecificRecord> NO_BYTES = (topic, value) -> new byte[0];

    private final MockProducer<String, SpecificRecord> producer =
            new MockProducer<>(true, null, new StringSerializer(), NO_BYTES);
    private final DeclinePublisher publisher = new DeclinePublisher(
            new KafkaTemplate<>(new MockProducerFactory<>((transactional, id) -> producer, "decline-tx-")),
            TopicNamespace.NONE, new SimpleMeterRegistry());

    {
        // What the producer factory does for a transactional producer before handing it out.
        producer.initTransactions();
    }

    @Test
    void aCommitThatTimedOutAfterEveryRecordWasAcknowledgedIsAnUnknownOutcome() {
        producer.commitTransactionException = new TimeoutException("Timeout expired after 30000ms while awaiting "
                + "EndTxn(true)");

        assertThatThrownBy(() -> publisher.publish(declined(), null))
                .isInstanceOf(PublishingOutcomeUnknownException.class)
                .hasMessageContaining("may have been published")
                .hasMessageContaining("same Idempotency-Key");
    }

    @Test
    void aRecordTheBrokerNeverAcknowledgedMeansNothingWasPublished() {
        producer.sendException = new TimeoutException("Topic not present in metadata after 30000 ms");

        assertThatThrownBy(() -> publisher.publish(declined(), null))
                .isInstanceOf(PublishingUnavailableException.class)
                .hasMessageContaining("nothing was published");
        assertThat(producer.transactionCommitted()).isFalse();
    }

    @Test
    void aCommittedTransactionIsPublished() {
        publisher.publish(declined(), null);

        assertThat(producer.history()).hasSize(1);
    }

    private static InviteDeclined declined() {
        return InviteDeclined.newBuilder().setEventId("event-1").setJobId("job-1").setInvitationId("invitation-1")
                .setFreelancerId("ana").setClientId("carla").setDeclinedAt(java.time.Instant.EPOCH).build();
    }
}
