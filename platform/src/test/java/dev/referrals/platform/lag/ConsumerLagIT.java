package dev.referrals.platform.lag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The lag monitor on a real broker: records, seconds, and the status moving with the consumer. */
@LocalStackTest
class ConsumerLagIT {

    private static final int PRODUCED = 10;
    private static final int CONSUMED = 4;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @Test
    void lagIsProducedMinusConsumedAndItsAgeGrowsWhileTheConsumerWaits(LocalStack stack, TopicNamespace namespace)
            throws Exception {
        String group = "referral-processor.lag-it-" + UUID.randomUUID();
        TopicPartition partition = new TopicPartition(namespace.name(Topics.REFERRAL_REQUESTED), 0);
        produce(stack, partition, PRODUCED);
        try (KafkaConsumer<String, String> consumer = consumer(stack, group)) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(CONSUMED)));
        }
        ConsumerLagMonitor monitor = monitor(stack, group);

        monitor.sampleNow();
        PartitionLag first = lag(monitor, group, partition);
        Thread.sleep(1_100);
        monitor.sampleNow();
        PartitionLag second = lag(monitor, group, partition);

        assertThat(first.records()).isEqualTo(PRODUCED - CONSUMED);
        assertThat(first.committedOffset()).isEqualTo(CONSUMED);
        assertThat(second.seconds()).isGreaterThan(first.seconds() + 1.0);
        monitor.stop();
    }

    @Test
    void theStatusGoesFromOkToStopWhileNobodyConsumesAndBackToOkOnceTheGroupCatchesUp(LocalStack stack,
            TopicNamespace namespace) throws Exception {
        String group = "referral-processor.lag-it-" + UUID.randomUUID();
        TopicPartition partition = new TopicPartition(namespace.name(Topics.REFERRAL_REQUESTED), 0);
        produce(stack, partition, PRODUCED);
        try (KafkaConsumer<String, String> consumer = consumer(stack, group)) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(CONSUMED)));
        }
        ConsumerLagMonitor monitor = monitor(stack, group);

        monitor.sampleNow();
        assertThat(status(monitor, group)).isEqualTo(GroupStatus.OK);
        Thread.sleep(WINDOW.plusMillis(200).toMillis());
        monitor.sampleNow();
        assertThat(status(monitor, group)).isEqualTo(GroupStatus.STOP);

        try (KafkaConsumer<String, String> consumer = consumer(stack, group)) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(PRODUCED)));
        }
        monitor.sampleNow();
        assertThat(status(monitor, group)).isEqualTo(GroupStatus.OK);
        assertThat(monitor.evaluations().get(group).latest().totalRecords()).isZero();
        monitor.stop();
    }

    @Test
    void aMemberThatStaysInTheGroupWithoutProgressIsStallThenOkWhenItResumes(LocalStack stack,
            TopicNamespace namespace) throws Exception {
        String group = "referral-processor.lag-it-" + UUID.randomUUID();
        String topic = namespace.name(Topics.REFERRAL_CREATED);
        TopicPartition partition = new TopicPartition(topic, 0);
        ConsumerLagMonitor monitor = monitor(stack, group);
        try (KafkaConsumer<String, String> consumer = consumer(stack, group)) {
            consumer.subscribe(List.of(topic));
            awaitAssignment(consumer);
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)));
            consumer.pause(consumer.assignment());
            produce(stack, partition, PRODUCED);

            monitor.sampleNow();
            Thread.sleep(WINDOW.plusMillis(200).toMillis());
            consumer.poll(Duration.ofMillis(100));
            monitor.sampleNow();
            assertThat(status(monitor, group)).isEqualTo(GroupStatus.STALL);

            consumer.resume(consumer.assignment());
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(PRODUCED)));
            monitor.sampleNow();
            assertThat(status(monitor, group)).isEqualTo(GroupStatus.OK);
        }
        monitor.stop();
    }

    private static ConsumerLagMonitor monitor(LocalStack stack, String group) {
        return monitor(stack, group, WINDOW);
    }

    /** A monitor of {@code group} alone, with a short window, built as {@link LagAutoConfiguration} builds it. */
    static ConsumerLagMonitor monitor(LocalStack stack, String group, Duration window) {
        KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        LagSampler sampler = new LagSampler(Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers())),
                reader, Pattern.compile(Pattern.quote(group)), Clock.systemUTC());
        LagProperties properties = new LagProperties(true, group, Duration.ofSeconds(1), window,
                new LagProperties.Health(false));
        return new ConsumerLagMonitor(sampler, properties, new SimpleMeterRegistry());
    }

    private static GroupStatus status(ConsumerLagMonitor monitor, String group) {
        return monitor.evaluations().get(group).status();
    }

    private static PartitionLag lag(ConsumerLagMonitor monitor, String group, TopicPartition partition) {
        return monitor.evaluations().get(group).latest().partitions().stream()
                .filter(lag -> lag.topic().equals(partition.topic()) && lag.partition() == partition.partition())
                .findFirst().orElseThrow();
    }

    private static void produce(LocalStack stack, TopicPartition partition, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), "k" + i, "v" + i)).get();
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(LocalStack stack, String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static void awaitAssignment(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        assertThat(consumer.assignment()).isNotEmpty();
    }
}
