package dev.referrals.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes records to the context's namespace the way upstream and the processor do (Avro, through the context's
 * own producer settings), publishes raw bytes for poison pills, and reads dead letters.
 */
public class KafkaTestClient {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaTemplate<String, Object> template;
    private final TopicNamespace namespace;
    private final String bootstrapServers;

    KafkaTestClient(KafkaTemplate<String, Object> template, TopicNamespace namespace,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        this.template = template;
        this.namespace = namespace;
        this.bootstrapServers = bootstrapServers;
    }

    /** A null value is a tombstone. */
    public void send(Topic<String, ?> topic, String key, Object value) {
        await(template.send(namespace.name(topic), key, value));
    }

    /** To one partition, so that records of different keys keep their order. */
    public void send(Topic<String, ?> topic, int partition, String key, Object value) {
        await(template.send(namespace.name(topic), partition, key, value));
    }

    public void sendRaw(Topic<String, ?> topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(namespace.name(topic), key, value))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public String name(Topic<String, ?> topic) {
        return namespace.name(topic);
    }

    /** The first record with this key on the topic's dead-letter topic, its value as raw bytes. */
    public ConsumerRecord<String, byte[]> awaitDeadLetter(Topic<String, ?> topic, String key, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(namespace.deadLetterTopic(topic)));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter with key " + key + " on " + namespace.deadLetterTopic(topic)
                + " within " + timeout);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void await(java.util.concurrent.CompletableFuture<?> sent) {
        try {
            sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a test record", e);
        }
    }
}
