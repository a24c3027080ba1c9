package dev.referrals.api.decline;

import dev.referrals.events.InviteDeclined;
import dev.referrals.events.ReferralRequested;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes a decline's events in one Kafka transaction, both keyed by jobId: InviteDeclined and, with a referral,
 * ReferralRequested. It returns only once the transaction is committed, which waits for every record to be
 * acknowledged by all in-sync replicas ({@code acks=all}). A failure before every record was acknowledged aborts
 * the transaction, so nothing of it is visible to read_committed consumers, and raises
 * {@link PublishingUnavailableException}. A failure once every record was acknowledged (the commit timed out) leaves
 * the outcome unknown, since the broker may still commit: {@link PublishingOutcomeUnknownException}.
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
        List<CompletableFuture<?>> acks = new ArrayList<>(2);
        try {
            declineTemplate.executeInTransaction(operations -> {
                acks.add(operations.send(topics.name(Topics.INVITE_DECLINED), declined.getJobId(), declined));
                if (requested != null) {
                    acks.add(operations.send(topics.name(Topics.REFERRAL_REQUESTED), requested.getJobId(), requested));
                }
                return null;
            });
            committed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (RuntimeException failure) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (!acks.isEmpty() && acks.stream().allMatch(ack -> ack.isDone() && !ack.isCompletedExceptionally())) {
                // Every record is in the log; only the commit is unconfirmed, and the broker may still complete it.
                log.warn("decline {}: Kafka acknowledged its records but did not confirm the commit; it may have "
                        + "been published", declined.getEventId(), failure);
                throw new PublishingOutcomeUnknownException(failure);
            }
            log.warn("decline {} not published; its Kafka transaction was aborted", declined.getEventId(), failure);
            throw new PublishingUnavailableException(failure);
        }
    }
}
