package dev.referrals.benchmarks.harness;

import dev.referrals.localstack.LocalStack;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes upstream facts and backlogs as fast as the broker takes them, in the Confluent wire format with the
 * registered schemas, as an upstream service would; {@link #flush()} returns once every record is acknowledged.
 */
public final class EventProducer implements AutoCloseable {

    /** Backlogs are large: batch generously, the records' latency does not matter here. */
    private static final int LINGER_MS = 5;
    private static final int BATCH_BYTES = 256 * 1024;

    private final TopicNamespace namespace;
    private final KafkaProducer<String, Object> producer;

    public EventProducer(LocalStack stack, TopicNamespace namespace) {
        this.namespace = namespace;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl().orElseThrow());
        config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        AvroSerializer values = new AvroSerializer();
        values.configure(config, false);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    public void send(Topic<String, ?> topic, String key, SpecificRecord value) {
        producer.send(new ProducerRecord<>(namespace.name(topic), key, value));
    }

    public void send(ProducerRecord<String, Object> record) {
        producer.send(record);
    }

    public String topic(Topic<String, ?> topic) {
        return namespace.name(topic);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
