package dev.referrals.platform.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.platform.failure.DependencyOutages;
import dev.referrals.platform.kafka.KafkaPlatformAutoConfiguration;
import dev.referrals.schemas.TopicNamespace;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * Transaction markers on a real broker: a partition written in transactions ends with a control record no consumer
 * receives, so a group that consumed everything is behind the log end by markers only, and that is no lag.
 */
@LocalStackTest
class TransactionMarkerLagIT {

    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(250);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int RECORDS_PER_TRANSACTION = 2;
    private static final int COMMITTED_TRANSACTIONS = 3;

    private Admin admin;
    private TopicPartition partition;

    @BeforeEach
    void createTopic(LocalStack stack) throws Exception {
        admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers()));
        partition = new TopicPartition("lag-markers-it-" + UUID.randomUUID(), 0);
        admin.createTopics(List.of(new NewTopic(partition.topic(), 1, (short) 1))).all().get();
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    @Test
    void aGroupCommittingWithFixTxOffsetsIsPastTheMarkersAndHasNoLagAcrossTheWindow(LocalStack stack)
            throws Exception {
        long end = writeCommittedThenAbortedTransactions(stack);
        String group = "referral-processor.markers-it-" + UUID.randomUUID();

        try (var container = consumeEverything(stack, group, true)) {
            awaitCommitted(group, end);
            assertNoLagAcrossTheWindow(stack, group);
        }
    }

    @Test
    void aGroupCommittingWithoutFixTxOffsetsStopsAtAMarkerAndStillHasNoLagAcrossTheWindow(LocalStack stack)
            throws Exception {
        long end = writeCommittedThenAbortedTransactions(stack);
        String group = "referral-processor.markers-it-" + UUID.randomUUID();
        long afterLastRecord = (long) COMMITTED_TRANSACTIONS * (RECORDS_PER_TRANSACTION + 1) - 1;

        try (var container = consumeEverything(stack, group, false)) {
            awaitCommitted(group, afterLastRecord);
            assertThat(afterLastRecord).isLessThan(end);
            assertNoLagAcrossTheWindow(stack, group);
        }
    }

    @Test
    void aRealRecordAfterAMarkerIsStillLagOfOneRecord(LocalStack stack) throws Exception {
        String group = "referral-processor.markers-it-" + UUID.randomUUID();
        long end = writeCommittedThenAbortedTransactions(stack);
        try (var container = consumeEverything(stack, group, true)) {
            awaitCommitted(group, end);
        }
        try (KafkaProducer<String, String> producer = transactionalProducer(stack)) {
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), "late", "late"));
            producer.commitTransaction();
        }
        ConsumerLagMonitor monitor = ConsumerLagIT.monitor(stack, group, WINDOW);

        monitor.sampleNow();
        PartitionLag lag = monitor.evaluations().get(group).latest().partitions().get(0);

        assertThat(lag.endOffset()).isEqualTo(end + 2);
        assertThat(lag.records()).isEqualTo(1);
        assertThat(lag.seconds()).isPositive();
        monitor.stop();
    }

    /**
     * Committed transactions of {@link #RECORDS_PER_TRANSACTION} records, each with its marker, then one aborted
     * transaction: its records and its marker are invisible to a read_committed consumer.
     *
     * @return the log end a read_committed reader sees
     */
    private long writeCommittedThenAbortedTransactions(LocalStack stack) throws Exception {
        try (KafkaProducer<String, String> producer = transactionalProducer(stack)) {
            for (int t = 0; t < COMMITTED_TRANSACTIONS; t++) {
                producer.beginTransaction();
                for (int r = 0; r < RECORDS_PER_TRANSACTION; r++) {
                    producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), "k" + r, "v" + t));
                }
                producer.commitTransaction();
            }
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), "aborted", "aborted"));
            producer.flush();
            producer.abortTransaction();
        }
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
    }

    private KafkaProducer<String, String> transactionalProducer(LocalStack stack) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "markers-it-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }

    /**
     * A Spring Kafka listener container reading the topic read_committed and committing as the services do; with
     * {@code fixTxOffsets} it is customized by the platform's own {@code ContainerCustomizer}.
     */
    private AutoCloseableContainer consumeEverything(LocalStack stack, String group, boolean fixTxOffsets) {
        var consumers = new DefaultKafkaConsumerFactory<Object, Object>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        ContainerProperties properties = new ContainerProperties(partition.topic());
        AtomicInteger received = new AtomicInteger();
        properties.setMessageListener((MessageListener<Object, Object>) record -> received.incrementAndGet());
        var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
        if (fixTxOffsets) {
            new KafkaPlatformAutoConfiguration().listenerContainers(TopicNamespace.NONE,
                    new DependencyOutages(new SimpleMeterRegistry(), Clock.systemUTC())).configure(container);
            assertThat(container.getContainerProperties().isFixTxOffsets()).isTrue();
        }
        container.start();
        await().atMost(PATIENCE).until(() -> received.get() == COMMITTED_TRANSACTIONS * RECORDS_PER_TRANSACTION);
        return new AutoCloseableContainer(container);
    }

    private void awaitCommitted(String group, long offset) {
        await().atMost(PATIENCE).until(() -> {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return committed != null && committed.offset() == offset;
        });
    }

    /** Samples until the samples span a whole window, and every evaluation on the way is OK with no lag at all. */
    private static void assertNoLagAcrossTheWindow(LocalStack stack, String group) {
        ConsumerLagMonitor monitor = ConsumerLagIT.monitor(stack, group, WINDOW);
        List<LagEvaluation> seen = new ArrayList<>();
        monitor.sampleNow();
        Instant first = monitor.evaluations().get(group).latest().at();
        await().atMost(PATIENCE).pollInterval(SAMPLE_EVERY).until(() -> {
            monitor.sampleNow();
            LagEvaluation evaluation = monitor.evaluations().get(group);
            seen.add(evaluation);
            return Duration.between(first, evaluation.latest().at()).compareTo(WINDOW) > 0;
        });
        monitor.stop();

        assertThat(seen).isNotEmpty().allSatisfy(evaluation -> {
            assertThat(evaluation.status()).isEqualTo(GroupStatus.OK);
            assertThat(evaluation.latest().totalRecords()).isZero();
            assertThat(evaluation.latest().maxSeconds()).isZero();
            assertThat(evaluation.latest().hasMembers()).isTrue();
        });
    }

    private record AutoCloseableContainer(ConcurrentMessageListenerContainer<Object, Object> container)
            implements AutoCloseable {
        @Override
        public void close() {
            container.stop();
        }
    }
}
