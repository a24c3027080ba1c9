package dev.referrals.processor.events;

import dev.referrals.schemas.Topic;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One event to publish: the catalogue topic (the namespace is applied when sending), its key and its value.
 *
 * @param topic the catalogue entry, for example {@code Topics.REFERRAL_CREATED}
 * @param key   the record key; jobId for every referrals.* topic
 * @param value the Avro record
 * @param cause the requestId the event answers, whose trace it continues; null when it answers no request
 */
public record OutgoingEvent(Topic<String, ?> topic, String key, SpecificRecord value, String cause) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (!topic.valueType().isInstance(value)) {
            throw new IllegalArgumentException(
                    value.getClass().getSimpleName() + " does not belong on " + topic.name());
        }
    }
}
