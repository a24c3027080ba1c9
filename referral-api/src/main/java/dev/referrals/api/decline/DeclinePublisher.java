package dev.referrals.api.decline;

import dev.referrals.events.InviteDeclined;
import dev.referrals.events.ReferralRequested;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a decline's events in one Kafka transaction, both keyed by jobId: InviteDeclined and, with a referral,
 * ReferralRequested. It returns only once the transaction is committed, which waits for every record to be
 * acknowledged by all in-sync replicas ({@code acks=all}). Any failure aborts the transaction, so nothing of it is
 * visible to read_committed consumers, and raises {@link PublishingUnavailableException}.
 */
@Component
public class DeclinePublisher {

    static final String TIMER = "referrals.decline.publish";
    static final String OUTCOME = "outcome";

    private static final Logger log = LoggerFactory.getLogger(DeclinePublisher.class);

    private final KafkaTemplate<String, SpecificRecord> declineTemplate;
    private final TopicNamespace topics;
    private final Timer committed;
    private final Timer failed;

    public DeclinePublisher(KafkaTemplate<String, SpecificRecord> declineTemplate, TopicNamespace topics,
                            MeterRegistry meters) {
        this.declineTemplate = declineTemplate;
        this.topics = topics;
        this.committed = Timer.builder(TIMER).description("Time to publish a decline's Kafka transaction")
                .tag(OUTCOME, "committed").register(meters);
        this.failed = Timer.builder(TIMER).description("Time to publish a decline's Kafka transaction")
                .tag(OUTCOME, "failed").register(meters);
    }

    /** @param requested {@code null} when the decline carries no referral */
    public void publish(InviteDeclined declined, ReferralRequested requested) {
        long start = System.nanoTime();
        try {
            declineTemplate.executeInTransaction(operations -> {
                operations.send(topics.name(Topics.INVITE_DECLINED), declined.getJobId(), declined);
                if (requested != null) {
                    operations.send(topics.name(Topics.REFERRAL_REQUESTED), requested.getJobId(), requested);
                }
                return null;
            });
            committed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException failure) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            log.warn("decline {} not published; its Kafka transaction was aborted", declined.getEventId(), failure);
            throw new PublishingUnavailableException(failure);
        }
    }
}
