package dev.referrals.schemas.serde;

import dev.referrals.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka {@link Serde}, configured together. */
public class AvroSerde implements Serde<Object> {

    private final AvroSerializer serializer;
    private final AvroDeserializer deserializer;

    /** For instantiation by class name; {@link #configure} builds the registry client. */
    public AvroSerde() {
        this.serializer = new AvroSerializer();
        this.deserializer = new AvroDeserializer();
    }

    /** Both halves share this registry client and its caches. */
    public AvroSerde(SchemaRegistryClient client) {
        this.serializer = new AvroSerializer(client);
        this.deserializer = new AvroDeserializer(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<Object> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<Object> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
