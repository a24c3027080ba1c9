package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.platform.failure.ListenerFailure;
import dev.referrals.processor.tracing.RequestTraces;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code referrals.referral-requested} in batches (one poll each), and decides each batch in order with a
 * few ledger queries and one transaction ({@link ReferralDecisions}).
 *
 * <p>When a record of the batch cannot be decided, the records before it are decided and published, and the batch
 * is handed to the shared error handler as failing at that record ({@link BatchListenerFailedException}): the
 * offsets before it are committed, and it and the records after it are redelivered.
 * <ul>
 *   <li>Redelivery: a request already decided is not decided again; its stored outcome is republished with identical
 *       content (I2).</li>
 *   <li>A request waiting for late facts is redelivered at a fixed interval until it can be decided (I6,
 *       {@link LateFactsBackOff}).</li>
 *   <li>An unreadable record (a poison pill, an unknown schema id) goes to {@code referrals.referral-requested-dlt}
 *       at once, with its original bytes and the reason, and the records after it are decided (I5).</li>
 *   <li>With the database, the broker or the registry down, the first undecided request waits for it, retried by
 *       the platform without limit and never dead-lettered for it.</li>
 *   <li>Any other failure is narrowed down to its record by deciding the batch one request at a time; that record
 *       is retried with the platform's back-off, then dead-lettered.</li>
 * </ul>
 * Each decision is logged and published in the trace its request came with ({@link RequestTraces}).
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class ReferralRequestListener {

    private static final LogAccessor log = new LogAccessor(ReferralRequestListener.class);

    static final String LISTENER_ID = "referral-processor.decisions";

    private final ReferralDecisions decisions;
    private final ObservationRegistry observations;

    ReferralRequestListener(ReferralDecisions decisions, ObservationRegistry observations) {
        this.decisions = decisions;
        this.observations = observations;
    }

    @KafkaListener(id = LISTENER_ID,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).REFERRAL_REQUESTED)}",
            concurrency = "${referrals.processor.decisions.concurrency}",
            batch = "true")
    void on(List<ConsumerRecord<String, ReferralRequested>> records) {
        List<ReferralRequested> readable = new ArrayList<>(records.size());
        Map<String, ConsumerRecord<?, ?>> traced = new HashMap<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, ReferralRequested> record = records.get(index);
            DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
            if (unreadable != null || record.value() == null) {
                decide(readable, traces(traced));
                throw new BatchListenerFailedException("unreadable referral request at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset(), unreadable, index);
            }
            readable.add(record.value());
            traced.put(record.value().getRequestId(), record);
        }
        decide(readable, traces(traced));
    }

    private RequestTraces traces(Map<String, ConsumerRecord<?, ?>> traced) {
        return new RequestTraces(traced, observations, LISTENER_ID);
    }

    /** Decides the requests, which are the first records of the batch; a failure names the record it is about. */
    private void decide(List<ReferralRequested> requests, RequestTraces traces) {
        if (requests.isEmpty()) {
            return;
        }
        try {
            decisions.decide(requests, traces);
        } catch (LateFactsPendingException waiting) {
            throw new BatchListenerFailedException(waiting.getMessage(), waiting, waiting.position());
        } catch (RuntimeException failure) {
            if (requests.size() == 1 || ListenerFailure.classify(failure).isDependencyDown()) {
                // A dependency that is down fails every request alike: the first one waits for it.
                throw new BatchListenerFailedException("cannot decide: " + failure.getMessage(), failure, 0);
            }
            log.warn(failure, () -> "Cannot decide a batch of " + requests.size() + "; deciding one by one to find "
                    + "the request that fails");
            decideOneByOne(requests, traces);
        }
    }

    /**
     * Isolates the failing request, so that the error handler retries (and at worst dead-letters) that one and not
     * the innocent requests before it. Those are decided, or republished if the batch got as far as deciding them.
     */
    private void decideOneByOne(List<ReferralRequested> requests, RequestTraces traces) {
        for (int index = 0; index < requests.size(); index++) {
            try {
                decisions.decide(List.of(requests.get(index)), traces);
            } catch (LateFactsPendingException waiting) {
                throw new BatchListenerFailedException(waiting.getMessage(), waiting, index);
            } catch (RuntimeException failure) {
                throw new BatchListenerFailedException("cannot decide: " + failure.getMessage(), failure, index);
            }
        }
    }
}
