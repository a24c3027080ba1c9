package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroDeserializer;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import dev.referrals.platform.deadletter.DeadLetter;
import dev.referrals.platform.deadletter.DeadLetterEndpoint;
import dev.referrals.platform.deadletter.DeadLetterGauges;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The shared error handling, on a real broker and registry: an unreadable record and a record whose processing
 * keeps failing both land on {@code <topic>-dlt} with the reason in their headers, and the consumer carries on.
 */
@SpringBootTest(properties = {
        "referrals.kafka.retry.initial-interval=20ms",
        "referrals.kafka.retry.max-attempts=2",
        "spring.kafka.consumer.group-id=dead-letter-it"})
@LocalStackContext
class DeadLetterIT {

    private static final String FAILING_NAME = "always fails";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private TopicNamespace namespace;

    @Autowired
    private AccountsListener listener;

    @Autowired
    private DeadLetterEndpoint deadLetters;

    @Autowired
    private DeadLetterGauges gauges;

    @Autowired
    private MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.kafka.properties.schema.registry.url}")
    private String registryUrl;

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsBytesAndReasonAndTheConsumerCarriesOn() throws Exception {
        byte[] poison = "not an avro frame".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(namespace.name(Topics.ACCOUNTS), "poison", poison)).get();
        }
        send(account("after-poison", "Ana"));

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.ACCOUNTS, "poison");

        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, DeadLetterReason.HEADER)).startsWith("AvroSerdeException: MALFORMED_FRAME");
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(namespace.name(Topics.ACCOUNTS));
        awaitProcessed("after-poison");
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedThenDeadLetteredReadableWithTheSourceSchema() throws Exception {
        send(account("failing", FAILING_NAME));
        send(account("after-failure", "Ben"));

        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.ACCOUNTS, "failing");

        assertThat(header(deadLetter, DeadLetterReason.HEADER))
                .isEqualTo("IllegalStateException: cannot process " + FAILING_NAME);
        assertThat(listener.attempts("failing")).isEqualTo(1 + 2);
        try (AvroDeserializer deserializer = new AvroDeserializer()) {
            deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            Object value = deserializer.deserialize(deadLetter.topic(), deadLetter.value());
            assertThat(value).isInstanceOf(Account.class);
            assertThat(((Account) value).getDisplayName()).isEqualTo(FAILING_NAME);
        }
        awaitProcessed("after-failure");
    }

    @Test
    void aDeadLetterListedWithItsReasonAndDecodedValueIsProcessedOnceRedriven() throws Exception {
        listener.failing.add("redrive-me");
        send(account("redrive-me", "Redrive"));
        awaitDeadLetter(Topics.ACCOUNTS, "redrive-me");
        String deadLetterTopic = namespace.deadLetterTopic(Topics.ACCOUNTS);

        DeadLetter listed = deadLetters.records(deadLetterTopic).stream()
                .filter(letter -> "redrive-me".equals(letter.key())).findFirst().orElseThrow();
        assertThat(listed.reason()).isEqualTo("IllegalStateException: cannot process redrive-me");
        assertThat(listed.originalTopic()).isEqualTo(namespace.name(Topics.ACCOUNTS));
        assertThat(listed.value()).contains("\"displayName\": \"Redrive\"");
        assertThat(deadLetters.topics()).containsKey(deadLetterTopic);
        assertThat(deadLetters.topics().get(deadLetterTopic)).isPositive();
        assertThat(meters.counter("referrals.deadletters.published", "topic", namespace.name(Topics.ACCOUNTS)).count())
                .isPositive();
        gauges.refresh();
        assertThat(meters.get("referrals.deadletters.records").tag("topic", deadLetterTopic).gauge().value())
                .isPositive();

        listener.failing.remove("redrive-me");
        Map<String, Object> answer = deadLetters.redrive(deadLetterTopic, listed.partition(), List.of(listed.offset()));

        assertThat(answer).containsEntry("redriven", 1);
        awaitProcessed("redrive-me");
    }

    private void send(Account account) throws Exception {
        try (AvroSerializer serializer = new AvroSerializer();
             KafkaProducer<String, Object> producer = new KafkaProducer<>(
                     Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), serializer)) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            producer.send(new ProducerRecord<>(namespace.name(Topics.ACCOUNTS), account.getAccountId(), account))
                    .get();
        }
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(Topic<?, ?> topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(namespace.deadLetterTopic(topic)));
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter with key " + key + " within " + WAIT);
    }

    private void awaitProcessed(String accountId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!listener.processed.contains(accountId)) {
            assertThat(Instant.now()).as("consumer carried on to " + accountId).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Account account(String id, String name) {
        return Account.newBuilder().setAccountId(id).setKind(AccountKind.FREELANCER).setDisplayName(name)
                .setEmail(id + "@example.test").setStatus(AccountStatus.ACTIVE).setUpdatedAt(Instant.now()).build();
    }

    @SpringBootApplication
    @Import(AccountsListener.class)
    static class TestApplication {
    }

    /** Fails every time for one display name; records every account it got through. */
    static class AccountsListener {

        final List<String> processed = new CopyOnWriteArrayList<>();
        /** Accounts that fail until a test removes them from here. */
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        private final List<String> attempts = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).ACCOUNTS)}")
        void on(Account account) {
            attempts.add(account.getAccountId());
            if (FAILING_NAME.equals(account.getDisplayName())) {
                throw new IllegalStateException("cannot process " + FAILING_NAME);
            }
            if (failing.contains(account.getAccountId())) {
                throw new IllegalStateException("cannot process " + account.getAccountId());
            }
            processed.add(account.getAccountId());
        }

        long attempts(String accountId) {
            return new ArrayList<>(attempts).stream().filter(accountId::equals).count();
        }
    }
}
