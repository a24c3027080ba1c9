package dev.referrals.benchmarks.soak;

import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralRequested;
import dev.referrals.localstack.LocalStack;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroDeserializer;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the topics say, read from the broker as any other team would read them, never from a service's tables: the
 * requests the API published, the decision events, the dead letters, and which groups consume which topic.
 */
final class TopicAudit implements AutoCloseable {

    // Spring Kafka's DeadLetterPublishingRecoverer headers (KafkaHeaders.DLT_*), and the platform's reason header.
    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String ORIGINAL_GROUP = "kafka_dlt-original-consumer-group";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String REASON = "referrals-dlt-reason";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    /** A decision event: a ReferralCreated or a ReferralRejected. */
    record Outcome(String requestId, boolean created, String detail, String jobId, String referrerId,
                   String refereeId, Instant at) {
    }

    /** A record of a {@code -dlt} topic and where it came from. */
    record DeadLetter(String topic, String originalTopic, int originalPartition, long originalOffset, String group,
                      String reason) {
    }

    private final TopicNamespace namespace;
    private final String bootstrapServers;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AvroDeserializer values = new AvroDeserializer();
    private final Set<String> requested = new HashSet<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    TopicAudit(LocalStack stack, TopicNamespace namespace) {
        this.namespace = namespace;
        this.bootstrapServers = stack.kafkaBootstrapServers();
        this.consumer = consumer(bootstrapServers);
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl().orElseThrow(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<TopicPartition> partitions = new ArrayList<>();
        for (Topic<String, ?> topic : List.of(Topics.REFERRAL_REQUESTED, Topics.REFERRAL_CREATED,
                Topics.REFERRAL_REJECTED)) {
            for (int partition = 0; partition < topic.partitions(); partition++) {
                partitions.add(new TopicPartition(namespace.name(topic), partition));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads every committed record published so far on the request and decision topics. */
    void catchUp() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                read(record);
            }
        }
    }

    private void read(ConsumerRecord<byte[], byte[]> record) {
        Object value;
        try {
            value = values.deserialize(record.topic(), record.value());
        } catch (RuntimeException poison) {
            unreadable.add(record.topic() + "/" + record.partition() + "@" + record.offset());
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (value instanceof ReferralRequested request) {
            requested.add(request.getRequestId());
        } else if (value instanceof ReferralCreated created) {
            outcomes.add(new Outcome(created.getRequestId(), true, created.getReferralId(), created.getJobId(),
                    created.getReferrerId(), created.getRefereeId(), at));
        } else if (value instanceof ReferralRejected rejected) {
            outcomes.add(new Outcome(rejected.getRequestId(), false, String.valueOf(rejected.getReason()),
                    rejected.getJobId(), rejected.getReferrerId(), null, at));
        } else {
            // Another record type on this topic: a WRONG_TYPE poison record, which the check matches by position.
            unreadable.add(record.topic() + "/" + record.partition() + "@" + record.offset());
        }
    }

    Set<String> requested() {
        return Set.copyOf(requested);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Records of the request and decision topics that could not be read: only poison records may be here. */
    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Every record of every dead-letter topic of the namespace. */
    List<DeadLetter> deadLetters() {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<String, ?> topic : Topics.ALL) {
                for (int partition = 0; partition < topic.partitions(); partition++) {
                    partitions.add(new TopicPartition(namespace.deadLetterTopic(topic), partition));
                }
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(end -> reader.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL)) {
                    letters.add(new DeadLetter(record.topic(), text(record, ORIGINAL_TOPIC),
                            ByteBuffer.wrap(bytes(record, ORIGINAL_PARTITION, Integer.BYTES)).getInt(),
                            ByteBuffer.wrap(bytes(record, ORIGINAL_OFFSET, Long.BYTES)).getLong(),
                            text(record, ORIGINAL_GROUP),
                            text(record, REASON) != null ? text(record, REASON) : text(record, EXCEPTION_MESSAGE)));
                }
            }
        }
        return letters;
    }

    /** For each topic of the namespace, the groups of the namespace that committed an offset on it. */
    Map<String, Set<String>> consumingGroups() {
        Map<String, Set<String>> groups = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (ConsumerGroupListing listing : admin.listConsumerGroups().all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                String group = listing.groupId();
                if (!group.startsWith(namespace.prefix())) {
                    continue;
                }
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).keySet()
                        .forEach(partition -> groups.computeIfAbsent(partition.topic(), topic -> new HashSet<>())
                                .add(group));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the consumer groups of " + namespace, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing consumer groups", e);
        }
        return groups;
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ConsumerRecord<?, ?> record, String name, int size) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != size ? new byte[size] : header.value();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        consumer.close();
        values.close();
    }
}
