package dev.referrals.processor.tracing;

import dev.referrals.events.ReferralRequested;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * Continues each referral request's trace while its decision is logged and its outcome published.
 *
 * <p>Spring Kafka observes a record listener per record, but a batch listener only once per batch, which would cut
 * the W3C trace that came with each request from the HTTP call. So the batch listener keeps each record, and work
 * about one request runs inside a listener observation made from that record's headers: the decision's log lines
 * carry the request's traceId, and the outcome's {@code traceparent} header continues it to the worker. The
 * outcome also carries the request's {@code requestedAt} in a header, for the worker's end-to-end latency.
 */
public final class RequestTraces {

    /** The observation of one request's decision: a span in its trace, and a timer. */
    static final String OBSERVATION_NAME = "referrals.decision";

    private static final RequestTraces NONE = new RequestTraces(Map.of(), ObservationRegistry.NOOP, "");

    private final Map<String, ConsumerRecord<?, ?>> recordsByRequestId;
    private final ObservationRegistry registry;
    private final String listenerId;

    public RequestTraces(Map<String, ConsumerRecord<?, ?>> recordsByRequestId, ObservationRegistry registry,
                         String listenerId) {
        this.recordsByRequestId = Map.copyOf(recordsByRequestId);
        this.registry = registry;
        this.listenerId = listenerId;
    }

    /** No trace to continue, for work that does not come from a batch of requests. */
    public static RequestTraces none() {
        return NONE;
    }

    /** Runs {@code work} in the trace of the request, or as it is when the request brought no record. */
    public <T> T within(String requestId, Supplier<T> work) {
        ConsumerRecord<?, ?> record = requestId == null ? null : recordsByRequestId.get(requestId);
        if (record == null) {
            return work.get();
        }
        // A name of its own: Spring Kafka's listener timers for the batch container already use its names.
        return Observation.createNotStarted(OBSERVATION_NAME,
                        () -> new KafkaRecordReceiverContext(record, listenerId, () -> null), registry)
                .observe(work);
    }

    /** When the request was made, as it said; empty for work that answers no request of this batch. */
    public Optional<Instant> requestedAt(String requestId) {
        ConsumerRecord<?, ?> record = requestId == null ? null : recordsByRequestId.get(requestId);
        return record != null && record.value() instanceof ReferralRequested request
                ? Optional.of(request.getRequestedAt())
                : Optional.empty();
    }

    /** As {@link #within(String, Supplier)}, for work without a result. */
    public void run(String requestId, Runnable work) {
        within(requestId, () -> {
            work.run();
            return null;
        });
    }
}
