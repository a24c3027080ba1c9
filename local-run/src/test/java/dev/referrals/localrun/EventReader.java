package dev.referrals.localrun;

import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralCreated;
import dev.referrals.localstack.LocalStack;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroDeserializer;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes upstream facts and reads outcome topics, as upstream services and analytics teams would. */
final class EventReader {

    private static final Duration EMPTY_POLL = Duration.ofSeconds(2);

    private final LocalStack stack;
    private final TopicNamespace namespace;

    EventReader(LocalStack stack, TopicNamespace namespace) {
        this.stack = stack;
        this.namespace = namespace;
    }

    void publish(Topic<String, ?> topic, String key, SpecificRecord value) {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl().orElseThrow(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(namespace.name(topic), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Waits until the listener's consumer group has committed past everything now on the topic: every record
     * written before this call has been handled, and whatever it would do (decide, email) is done.
     */
    void awaitConsumed(String listenerId, Topic<String, ?> topic, Duration wait) {
        String name = namespace.name(topic);
        try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     stack.kafkaBootstrapServers()))) {
            Map<TopicPartition, Long> ends = probe.endOffsets(probe.partitionsFor(name).stream()
                    .map(info -> new TopicPartition(name, info.partition())).toList());
            await().atMost(wait).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        namespace.group(listenerId)).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    /** Every ReferralCreated on the topic so far, republished copies included, read as an analytics team would. */
    List<ReferralCreated> referralsCreated() {
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl().orElseThrow(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<ReferralCreated> created = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-analytics-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(namespace.name(Topics.REFERRAL_CREATED)));
            int empty = 0;
            while (empty < 2) {
                int before = created.size();
                for (ConsumerRecord<String, Object> record : consumer.poll(EMPTY_POLL)) {
                    created.add((ReferralCreated) record.value());
                }
                empty = created.size() == before ? empty + 1 : 0;
            }
        }
        // Republished outcomes are identical: analytics dedupe by referralId.
        return created.stream().distinct().toList();
    }
}
