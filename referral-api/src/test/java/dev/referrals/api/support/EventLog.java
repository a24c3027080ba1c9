package dev.referrals.api.support;

import static org.awaitility.Awaitility.await;

import dev.referrals.schemas.Topic;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.serde.AvroDeserializer;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The test's own view of the broker: it publishes events as upstream services and the processor do, and reads
 * topics back, as a downstream reader would, with the real registry.
 */
public final class EventLog {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One reader per topic and isolation level for the whole test run: a new consumer per read costs much more. */
    private static final Map<String, TopicReader> READERS = new ConcurrentHashMap<>();
    private static final Duration POLL = Duration.ofMillis(100);

    private final String bootstrapServers;
    private final String registryUrl;
    private final TopicNamespace namespace;

    public EventLog(String bootstrapServers, String registryUrl, TopicNamespace namespace) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.namespace = namespace;
    }

    /** Publishes an Avro record to a catalogue topic of this context, and waits for the broker's ack. */
    public void publish(Topic<String, ?> topic, String key, SpecificRecord value) {
        try (AvroSerializer serializer = new AvroSerializer();
             KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig(),
                     new StringSerializer(), serializer)) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            producer.send(new ProducerRecord<>(namespace.name(topic), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic.name(), e);
        }
    }

    /** Publishes raw bytes (a poison pill, a tombstone when null) to a catalogue topic of this context. */
    public void publishBytes(Topic<String, ?> topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(namespace.name(topic), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot publish to " + topic.name(), e);
        }
    }

    /**
     * Every record now on the topic, read from the beginning to its current end as a reader with this isolation
     * level sees it (read_committed stops at the last stable offset and skips aborted transactions).
     */
    public List<ConsumerRecord<String, byte[]>> records(Topic<String, ?> topic, IsolationLevel isolation) {
        return recordsOf(namespace.name(topic), isolation);
    }

    /**
     * How many records each catalogue topic of this context holds now, by topic name, as a reader with this
     * isolation level sees them: compare two counts to show that nothing was published in between.
     */
    public Map<String, Integer> recordCounts(IsolationLevel isolation) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            counts.put(topic.name(), records(topic, isolation).size());
        }
        return counts;
    }

    /** The values of this type on the topic that pass the filter; a value that cannot be decoded is skipped. */
    public <V extends SpecificRecord> List<V> values(Topic<String, V> topic, IsolationLevel isolation,
                                                     Predicate<V> filter) {
        List<V> values = new ArrayList<>();
        try (AvroDeserializer deserializer = deserializer()) {
            for (ConsumerRecord<String, byte[]> record : records(topic, isolation)) {
                decode(deserializer, record, topic.valueType()).filter(filter).ifPresent(values::add);
            }
        }
        return values;
    }

    /** Waits for the dead letter with this key on the topic's {@code -dlt}. */
    public ConsumerRecord<String, byte[]> awaitDeadLetter(Topic<String, ?> topic, String key) {
        return await("dead letter " + key + " on " + namespace.deadLetterTopic(topic))
                .atMost(WAIT)
                .pollInterval(POLL)
                .until(() -> recordsOf(namespace.deadLetterTopic(topic), IsolationLevel.READ_COMMITTED).stream()
                        .filter(record -> key.equals(record.key()))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /**
     * Another key that Kafka's default partitioner puts on the same partition as {@code key}: a record published
     * with it after a record with {@code key} is consumed after it.
     */
    public static String keyOnTheSamePartitionAs(String key, Topic<String, ?> topic) {
        int partition = partitionOf(key, topic);
        while (true) {
            String candidate = "barrier-" + UUID.randomUUID();
            if (partitionOf(candidate, topic) == partition) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key, Topic<String, ?> topic) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), topic.partitions());
    }

    /** Decodes a record's value with the registry, as a downstream reader would. */
    public <V> V decode(ConsumerRecord<String, byte[]> record, Class<V> type) {
        try (AvroDeserializer deserializer = deserializer()) {
            return decode(deserializer, record, type).orElseThrow();
        }
    }

    private <V> Optional<V> decode(AvroDeserializer deserializer, ConsumerRecord<String, byte[]> record,
                                   Class<V> type) {
        try {
            Object value = deserializer.deserialize(record.topic(), record.value());
            return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String topicName, IsolationLevel isolation) {
        return READERS.computeIfAbsent(bootstrapServers + "/" + topicName + "/" + isolation,
                ignored -> new TopicReader(bootstrapServers, topicName, isolation)).readToEnd();
    }

    private AvroDeserializer deserializer() {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    /**
     * Reads one topic from the beginning, and on each call on to its current end, keeping what it has read: the
     * end is the high watermark, or for read_committed the last stable offset.
     */
    private static final class TopicReader {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<TopicPartition> partitions;
        private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

        TopicReader(String bootstrapServers, String topicName, IsolationLevel isolation) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT)),
                    new StringDeserializer(), new ByteArrayDeserializer());
            partitions = consumer.partitionsFor(topicName).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        synchronized List<ConsumerRecord<String, byte[]>> readToEnd() {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(WAIT);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + partitions + " to its end within " + WAIT);
                }
                consumer.poll(POLL).forEach(read::add);
            }
            return List.copyOf(read);
        }
    }
}
