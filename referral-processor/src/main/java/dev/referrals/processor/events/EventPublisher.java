package dev.referrals.processor.events;

import dev.referrals.platform.failure.DependencyUnavailableException;
import dev.referrals.platform.failure.ListenerFailure;
import dev.referrals.processor.ProcessorProperties;
import dev.referrals.processor.tracing.RequestTraces;
import dev.referrals.schemas.EventHeaders;
import dev.referrals.schemas.TopicNamespace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes outcome events and returns only once the broker acknowledged every one of them ({@code acks=all}), so a
 * listener commits its offset only after its effects are durable in Kafka. Failing that, it throws, the record is
 * redelivered, and the caller republishes what it stored.
 */
@Component
public class EventPublisher {

    private final KafkaTemplate<String, Object> kafka;
    private final TopicNamespace namespace;
    private final Duration timeout;

    public EventPublisher(KafkaTemplate<String, Object> kafka, TopicNamespace topicNamespace,
                          ProcessorProperties properties) {
        this.kafka = kafka;
        this.namespace = topicNamespace;
        this.timeout = properties.publishTimeout();
    }

    /** Sends every event in order, then waits for all the acknowledgements together. */
    public void publishAll(List<OutgoingEvent> events) {
        publishAll(events, RequestTraces.none());
    }

    /** As {@link #publishAll(List)}, each event sent in the trace of the request it answers. */
    public void publishAll(List<OutgoingEvent> events, RequestTraces traces) {
        if (events.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < events.size(); i++) {
            OutgoingEvent event = events.get(i);
            ProducerRecord<String, Object> record =
                    new ProducerRecord<>(namespace.name(event.topic()), event.key(), event.value());
            traces.requestedAt(event.cause()).ifPresent(requestedAt ->
                    record.headers().add(EventHeaders.REQUESTED_AT, EventHeaders.encodeInstant(requestedAt)));
            CompletableFuture<SendResult<String, Object>> ack = traces.within(event.cause(), () -> kafka.send(record));
            acks[i] = ack;
        }
        try {
            CompletableFuture.allOf(acks).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsNotPublishedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new EventsNotPublishedException("the broker refused an event: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            String what = "no acknowledgement from the broker within " + timeout;
            throw new EventsNotPublishedException(what,
                    new DependencyUnavailableException(ListenerFailure.KAFKA, what, e));
        }
    }

    /**
     * Outcome events could not be confirmed; the record that caused them is retried: without limit when the broker
     * did not answer (a retriable Kafka error or no acknowledgement in time, {@link ListenerFailure}).
     */
    public static class EventsNotPublishedException extends RuntimeException {
        EventsNotPublishedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
