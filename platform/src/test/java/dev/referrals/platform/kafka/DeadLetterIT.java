package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

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
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import dev.referrals.platform.deadletter.DeadLetter;
import dev.referrals.platform.deadletter.DeadLetterBrowser;
import dev.referrals.platform.deadletter.DeadLetterEndpoint;
import dev.referrals.platform.deadletter.DeadLetterGauges;
import dev.referrals.platform.deadletter.RedriveRefusedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The shared error handling, on a real broker and registry: an unreadable record and a record whose processing
 * keeps failing both land on {@code <topic>-dlt} with the reason in their headers, and the consumer carries on. And
 * the dead-letter tools: paged, redacted reading, and a redrive that goes only to the dead-letter topic's own topic.
 */
@SpringBootTest(properties = {
        "referrals.kafka.retry.initial-interval=20ms",
        "referrals.kafka.retry.max-attempts=2",
        "referrals.deadletters.default-page-size=" + DeadLetterIT.MAX_PAGE_SIZE,
        "referrals.deadletters.max-page-size=" + DeadLetterIT.MAX_PAGE_SIZE,
        "spring.kafka.consumer.group-id=dead-letter-it",
        // The gauges refresh (and the quiet-log test waits for two refreshes) every few hundred milliseconds.
        "referrals.lag.interval=" + DeadLetterIT.GAUGE_INTERVAL})
@LocalStackContext
class DeadLetterIT {

    static final int MAX_PAGE_SIZE = 3;
    static final String GAUGE_INTERVAL = "300ms";
    private static final int IDLE_REFRESHES = 2;
    /** How often the quiet-log test looks whether the gauges have refreshed again. */
    private static final Duration REFRESH_POLL = Duration.ofMillis(50);
    private static final String FAILING_NAME = "always fails";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private TopicNamespace namespace;

    @Autowired
    private AccountsListener listener;

    @Autowired
    private DeadLetterEndpoint deadLetters;

    @Autowired
    private DeadLetterBrowser browser;

    @Autowired
    private DeadLetterGauges gauges;

    @Autowired
    private MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.kafka.properties.schema.registry.url}")
    private String registryUrl;

    @Test
    void theGaugesLogNothingAtWarnOrAboveOverAnIdlePeriodOfRefreshes() throws InterruptedException {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            long until = gauges.refreshes() + IDLE_REFRESHES + 1; // the one under way may have begun before capture
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (gauges.refreshes() < until && System.nanoTime() < deadline) {
                Thread.sleep(REFRESH_POLL.toMillis());
            }
            assertThat(gauges.refreshes()).isGreaterThanOrEqualTo(until);
        } finally {
            root.detachAppender(appender);
        }

        assertThat(appender.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .filter(event -> "dead-letter-gauges".equals(event.getThreadName())
                        || event.getLoggerName().startsWith("dev.referrals.platform.deadletter")
                        || event.getFormattedMessage().contains("dead-letter-"))
                .map(ILoggingEvent::getFormattedMessage))
                .isEmpty();
    }

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
    void aDeadLetterListedWithItsReasonAndDecodedValueIsProcessedOnceRedrivenToItsOwnTopic() throws Exception {
        listener.failing.add("redrive-me");
        send(account("redrive-me", "Redrive"));
        awaitDeadLetter(Topics.ACCOUNTS, "redrive-me");
        String deadLetterTopic = namespace.deadLetterTopic(Topics.ACCOUNTS);

        DeadLetter listed = everyPage(deadLetterTopic).stream()
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
        WebEndpointResponse<Map<String, Object>> answer = deadLetters.redrive(deadLetterTopic, listed.partition(),
                List.of(listed.offset()), namespace.name(Topics.ACCOUNTS), null);

        assertThat(answer.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
        assertThat(answer.getBody()).containsEntry("redriven", 1)
                .containsEntry("target", namespace.name(Topics.ACCOUNTS));
        awaitProcessed("redrive-me");
    }

    @Test
    void aForgedOriginHeaderDoesNotRedirectARedrive() throws Exception {
        String deadLetterTopic = namespace.deadLetterTopic(Topics.ACCOUNTS);
        ProducerRecord<String, byte[]> forged = new ProducerRecord<>(deadLetterTopic, 0, "forged",
                serialized(account("forged", "Forged")));
        forged.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC,
                namespace.name(Topics.JOBS).getBytes(StandardCharsets.UTF_8));
        long offset = sendRaw(forged);

        WebEndpointResponse<Map<String, Object>> answer = deadLetters.redrive(deadLetterTopic, 0, List.of(offset),
                null, null);

        assertThat(answer.getBody()).containsEntry("redriven", 1)
                .containsEntry("target", namespace.name(Topics.ACCOUNTS));
        awaitProcessed("forged");
        assertThat(recordsIn(namespace.name(Topics.JOBS))).isZero();
    }

    @Test
    void aRedriveThatNamesOrImpliesAnotherTopicIsRefusedAndSendsNothing() throws Exception {
        String deadLetterTopic = namespace.deadLetterTopic(Topics.JOBS);
        sendRaw(new ProducerRecord<>(deadLetterTopic, 0, "job-1", "a dead job".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> browser.redrive(deadLetterTopic, Optional.of(namespace.name(Topics.ACCOUNTS)),
                Map.of())).isInstanceOf(RedriveRefusedException.class)
                .hasMessageContaining("redriven only to '" + namespace.name(Topics.JOBS) + "'");
        WebEndpointResponse<Map<String, Object>> otherTarget = deadLetters.redrive(deadLetterTopic, null, null,
                "somewhere.else", null);
        WebEndpointResponse<Map<String, Object>> notADeadLetterTopic = deadLetters.redrive(
                namespace.name(Topics.ACCOUNTS), null, null, null, null);
        WebEndpointResponse<Map<String, Object>> anotherNamespace = deadLetters.redrive(
                "other." + Topics.JOBS.deadLetterTopic(), null, null, null, null);

        for (WebEndpointResponse<Map<String, Object>> refused : List.of(otherTarget, notADeadLetterTopic,
                anotherNamespace)) {
            assertThat(refused.getStatus()).isEqualTo(403);
            assertThat(refused.getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody()).containsEntry("status", 403).containsEntry("title", "Redrive refused");
        }
        assertThat(otherTarget.getBody()).containsEntry("target", "somewhere.else")
                .extractingByKey("detail").asString().contains("not to 'somewhere.else'");
        assertThat(notADeadLetterTopic.getBody()).extractingByKey("detail").asString()
                .contains("is not a dead-letter topic of this service's catalogue");
        assertThat(recordsIn(namespace.name(Topics.JOBS))).isZero();
        assertThat(recordsIn("somewhere.else")).isZero();
    }

    @Test
    void deadLettersAreReadAPageAtATimePartitionByPartitionAndAPageIsBounded() throws Exception {
        String deadLetterTopic = namespace.deadLetterTopic(Topics.JOB_ACTIVITY);
        int[] partitions = {0, 0, 1, 1, 2};
        for (int i = 0; i < partitions.length; i++) {
            sendRaw(new ProducerRecord<>(deadLetterTopic, partitions[i], "activity-" + i,
                    "unreadable".getBytes(StandardCharsets.UTF_8)));
        }

        WebEndpointResponse<Object> first = deadLetters.records(deadLetterTopic, 0, 2, null, null);
        WebEndpointResponse<Object> second = deadLetters.records(deadLetterTopic, 1, 2, null, null);
        WebEndpointResponse<Object> last = deadLetters.records(deadLetterTopic, 2, 2, null, null);
        WebEndpointResponse<Object> beyond = deadLetters.records(deadLetterTopic, 3, 2, null, null);
        WebEndpointResponse<Object> tooLarge = deadLetters.records(deadLetterTopic, 0, 1_000, null, null);

        assertThat(letters(first)).extracting(DeadLetter::key).containsExactly("activity-0", "activity-1");
        assertThat(letters(second)).extracting(DeadLetter::key).containsExactly("activity-2", "activity-3");
        assertThat(letters(last)).extracting(DeadLetter::key).containsExactly("activity-4");
        assertThat(letters(beyond)).isEmpty();
        assertThat(body(first)).containsEntry("total", 5L).containsEntry("page", 0).containsEntry("size", 2);
        assertThat(body(tooLarge)).containsEntry("size", MAX_PAGE_SIZE);
        assertThat(letters(tooLarge)).hasSize(MAX_PAGE_SIZE);
        assertThat(deadLetters.records(deadLetterTopic, -1, 2, null, null).getStatus()).isEqualTo(400);
        assertThat(deadLetters.records(namespace.name(Topics.JOB_ACTIVITY), 0, 2, null, null).getStatus())
                .isEqualTo(404);
    }

    @Test
    void emailAddressesAreMaskedInValuesAndHeadersUnlessRevealedAndARevealIsLoggedWithTheCaller() throws Exception {
        String deadLetterTopic = namespace.deadLetterTopic(Topics.REFERRAL_CREATED);
        Account account = account("redact-me", "Redact");
        account.setEmail("ana.lopez@example.test");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(deadLetterTopic, 0, "redact-me",
                serialized(account));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
                "cannot send to ana.lopez@example.test".getBytes(StandardCharsets.UTF_8));
        long offset = sendRaw(record);
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger auditLogger = (Logger) LoggerFactory.getLogger("dev.referrals.platform.deadletter.audit");
        auditLogger.addAppender(audit);
        try {
            WebEndpointResponse<Object> masked = deadLetters.records(deadLetterTopic, null, null, null, null);

            DeadLetter maskedLetter = letters(masked).get(0);
            assertThat(body(masked)).containsEntry("redacted", true);
            assertThat(maskedLetter.value()).contains("a***@example.test").doesNotContain("ana.lopez");
            assertThat(maskedLetter.headers().get(KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                    .isEqualTo("cannot send to a***@example.test");
            assertThat(maskedLetter.reason()).isEqualTo("cannot send to a***@example.test");
            assertThat(audit.list).isEmpty();

            Principal caller = () -> "ops-oliver";
            WebEndpointResponse<Object> revealed = deadLetters.records(deadLetterTopic, null, null, true, caller);

            DeadLetter revealedLetter = letters(revealed).get(0);
            assertThat(body(revealed)).containsEntry("redacted", false);
            assertThat(revealedLetter.value()).contains("ana.lopez@example.test");
            assertThat(audit.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                    .contains("ops-oliver", deadLetterTopic, "0/" + offset);
        } finally {
            auditLogger.detachAppender(audit);
        }
    }

    private long sendRaw(ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(record).get().offset();
        }
    }

    private byte[] serialized(Account account) {
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            return serializer.serialize(namespace.name(Topics.ACCOUNTS), account);
        }
    }

    private long recordsIn(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every record of a dead-letter topic, page by page. */
    private List<DeadLetter> everyPage(String deadLetterTopic) {
        List<DeadLetter> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<DeadLetter> letters = letters(deadLetters.records(deadLetterTopic, page, null, null, null));
            if (letters.isEmpty()) {
                return all;
            }
            all.addAll(letters);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebEndpointResponse<Object> answer) {
        assertThat(answer.getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
        return (Map<String, Object>) answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<DeadLetter> letters(WebEndpointResponse<Object> answer) {
        return (List<DeadLetter>) body(answer).get("records");
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
