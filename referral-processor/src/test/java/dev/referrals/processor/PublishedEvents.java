package dev.referrals.processor;

import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralStatusChanged;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroDeserializer;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything the processor publishes on its three output topics, read from the real broker by a consumer of its own
 * (as downstream services would), for the whole life of the test context.
 */
public class PublishedEvents implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final List<ConsumerRecord<String, Object>> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, Object> consumer;
    private final Thread reader;
    private final String bootstrapServers;
    private final List<String> topics;
    /** How far the reader has read each partition it was assigned. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    PublishedEvents(TopicNamespace namespace, String bootstrapServers, String registryUrl) {
        AvroDeserializer values = new AvroDeserializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "published-events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), values);
        this.bootstrapServers = bootstrapServers;
        this.topics = List.of(namespace.name(Topics.REFERRAL_CREATED), namespace.name(Topics.REFERRAL_REJECTED),
                namespace.name(Topics.REFERRAL_STATUS_CHANGED));
        consumer.subscribe(topics);
        reader = new Thread(this::read, "published-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                consumer.assignment().forEach(partition -> positions.put(partition, consumer.position(partition)));
            }
        } catch (WakeupException closing) {
            // close() woke the consumer up
        } finally {
            consumer.close();
        }
    }

    /** Every value published on the topic that matches, in the order read. */
    public <V extends SpecificRecord> List<V> on(Topic<String, V> topic, Predicate<V> matching) {
        return records.stream()
                .filter(record -> record.topic().endsWith(topic.name()))
                .map(record -> topic.valueType().cast(record.value()))
                .filter(matching)
                .toList();
    }

    /** Outcomes of one request, created and rejected alike. */
    public List<Object> outcomesOf(String requestId) {
        return records.stream()
                .map(ConsumerRecord::value)
                .filter(value -> value instanceof ReferralCreated created && created.getRequestId().equals(requestId)
                        || value instanceof ReferralRejected rejected && rejected.getRequestId().equals(requestId))
                .toList();
    }

    /** The key each outcome of the request was published with. */
    public List<String> keysOfOutcomesOf(String requestId) {
        return records.stream()
                .filter(record -> record.value() instanceof ReferralCreated created
                        && created.getRequestId().equals(requestId)
                        || record.value() instanceof ReferralRejected rejected
                        && rejected.getRequestId().equals(requestId))
                .map(ConsumerRecord::key)
                .toList();
    }

    public Object awaitOutcomeOf(String requestId) {
        return await().atMost(WAIT).until(() -> outcomesOf(requestId), outcomes -> !outcomes.isEmpty()).get(0);
    }

    public ReferralCreated awaitCreated(String requestId) {
        Object outcome = awaitOutcomeOf(requestId);
        if (outcome instanceof ReferralCreated created) {
            return created;
        }
        throw new AssertionError("expected request " + requestId + " to be created, was " + outcome);
    }

    public ReferralRejected awaitRejected(String requestId) {
        Object outcome = awaitOutcomeOf(requestId);
        if (outcome instanceof ReferralRejected rejected) {
            return rejected;
        }
        throw new AssertionError("expected request " + requestId + " to be rejected, was " + outcome);
    }

    public List<ReferralStatusChanged> statusChangesOf(String referralId) {
        return on(Topics.REFERRAL_STATUS_CHANGED, change -> change.getReferralId().equals(referralId));
    }

    /**
     * Waits until the reader has read everything now committed on its topics, so that a count taken after it
     * includes every event published before this call.
     */
    public void awaitReadToTheEnd() {
        Map<TopicPartition, Long> ends;
        try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            ends = probe.endOffsets(topics.stream()
                    .flatMap(topic -> probe.partitionsFor(topic).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList());
        }
        await().atMost(WAIT).until(() -> ends.entrySet().stream()
                .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue()));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        reader.join(WAIT.toMillis());
    }
}
