package dev.referrals.platform.kafka;

import dev.referrals.schemas.Topic;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.serde.AvroDeserializer;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * Every service's value deserializer: Confluent's wire format as {@link AvroDeserializer} reads it, and only the
 * record type the catalogue gives the topic. A well-formed record of another type (an Account written to the
 * referral-requested topic, with a schema id the registry knows) is as unreadable here as a bad magic byte: it fails
 * in the deserializer, so it reaches the DLT with its own bytes and its reason, instead of failing in the listener
 * and again when the DLT producer cannot serialize it under the topic's subject, which would stop the partition.
 *
 * <p>A topic is the catalogue's when its name ends with a catalogue name (it may carry a namespace prefix); other
 * topics are read as they come.
 */
public class CatalogueValueDeserializer extends AvroDeserializer {

    private final Map<String, Optional<String>> expectedByTopic = new ConcurrentHashMap<>();

    /** For Kafka's instantiation by class name. */
    public CatalogueValueDeserializer() {
    }

    /** A value deserializer with this registry client, configured by the map. */
    public CatalogueValueDeserializer(SchemaRegistryClient client, Map<String, ?> configs) {
        super(client, configs);
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return requireCatalogueType(topic, super.deserialize(topic, data));
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        return requireCatalogueType(topic, super.deserialize(topic, headers, data));
    }

    @Override
    public Object deserialize(String topic, Headers headers, ByteBuffer data) {
        return requireCatalogueType(topic, super.deserialize(topic, headers, data));
    }

    private Object requireCatalogueType(String topic, Object value) {
        if (!(value instanceof GenericContainer record)) {
            return value;
        }
        Optional<String> expected = expectedByTopic.computeIfAbsent(topic, CatalogueValueDeserializer::expectedType);
        String actual = record.getSchema().getFullName();
        if (expected.isPresent() && !expected.get().equals(actual)) {
            throw new SerializationException("topic " + topic + " carries " + expected.get()
                    + " records, but this record is a " + actual + ": it is not this topic's type");
        }
        return value;
    }

    /** The value type of the catalogue topic this name ends with; the longest name wins. */
    private static Optional<String> expectedType(String topic) {
        return Topics.ALL.stream()
                .filter(candidate -> topic.endsWith(candidate.name()))
                .max(Comparator.comparingInt(candidate -> candidate.name().length()))
                .map(Topic::valueSchema)
                .map(org.apache.avro.Schema::getFullName);
    }
}
