package dev.referrals.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.StackFaults;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A stack of this class's own with a cluster of three brokers: production's replication, and a rolling restart under
 * a transactional producer and a read_committed consumer that loses and duplicates nothing.
 */
@LocalStackTest(kafkaBrokers = 3)
class KafkaClusterTest {

    private static final int BROKERS = 3;
    private static final int RECORDS_PER_TRANSACTION = 10;
    /** Transactions committed while a broker is down, and again once it is back, before the restart moves on. */
    private static final int TRANSACTIONS_PER_STEP = 10;
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration WAIT_PAUSE = Duration.ofMillis(20);

    @Test
    void theStackRunsThreeBrokersAndListsThemAllForClients(LocalStack stack) throws Exception {
        assertThat(stack.faults().kafkaBrokers()).isEqualTo(BROKERS);
        assertThat(stack.kafkaBootstrapServers().split(",")).hasSize(BROKERS);
        try (Admin admin = admin(stack)) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(BROKERS);
        }
    }

    @Test
    void catalogueTopicsHaveThreeReplicasOfWhichTwoMustHaveEveryWrite(LocalStack stack, TopicNamespace topics)
            throws Exception {
        List<String> names = Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topics.name(topic), topics.deadLetterTopic(topic)))
                .toList();
        try (Admin admin = admin(stack)) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            assertThat(descriptions.values())
                    .flatExtracting(TopicDescription::partitions)
                    .extracting(partition -> partition.replicas().size())
                    .containsOnly(BROKERS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
            assertThat(configs.values())
                    .extracting(config -> config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value())
                    .hasSize(names.size())
                    .containsOnly("2");
        }
    }

    @Test
    void aRollingRestartUnderATransactionalProducerLosesNothingAndDuplicatesNothing(LocalStack stack,
            TopicNamespace topics) throws Exception {
        String topic = topics.name(Topics.REFERRAL_REQUESTED);
        StackFaults faults = stack.faults();
        try (Traffic traffic = Traffic.start(stack.kafkaBootstrapServers(), topic)) {
            traffic.awaitCommitted(TRANSACTIONS_PER_STEP);
            for (int nodeId = 1; nodeId <= BROKERS; nodeId++) {
                faults.stopKafkaBroker(nodeId);
                traffic.awaitCommitted(traffic.committed() + TRANSACTIONS_PER_STEP);
                faults.startKafkaBroker(nodeId);
                traffic.awaitCommitted(traffic.committed() + TRANSACTIONS_PER_STEP);
            }
            int sent = traffic.stopSending();

            List<Integer> read = traffic.awaitRead(sent);

            assertThat(read).as("every sequence number, read once").hasSize(sent)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, sent).boxed().toList());
            assertThat(traffic.failure()).as("no send failed for good").isNull();
        }
        assertThat(new ClusterHealth(stack.kafkaBootstrapServers()).underReplicated())
                .as("under-replicated partitions after the rolling restart").isEmpty();
    }

    private static Admin admin(LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }

    /**
     * A transactional producer sending numbered records in transactions of ten, retrying an aborted one whole, as a
     * service's producer does; and a read_committed consumer of every partition, outside any group so that a
     * rebalance cannot make it read a record twice: what it reads twice, the log holds twice.
     */
    private static final class Traffic implements AutoCloseable {

        private final AtomicBoolean sending = new AtomicBoolean(true);
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private final AtomicInteger committed = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Collection<Integer> read = new ConcurrentLinkedQueue<>();
        private final Thread producer;
        private final Thread consumer;

        private Traffic(String bootstrapServers, String topic) {
            producer = new Thread(() -> produce(bootstrapServers, topic), "cluster-test-producer");
            consumer = new Thread(() -> consume(bootstrapServers, topic), "cluster-test-consumer");
        }

        static Traffic start(String bootstrapServers, String topic) {
            Traffic traffic = new Traffic(bootstrapServers, topic);
            traffic.consumer.start();
            traffic.producer.start();
            return traffic;
        }

        int committed() {
            return committed.get();
        }

        Throwable failure() {
            return failure.get();
        }

        void awaitCommitted(int transactions) {
            await(() -> committed.get() >= transactions, transactions + " committed transactions");
        }

        /** Stops after the transaction under way; returns how many records were committed. */
        int stopSending() throws InterruptedException {
            sending.set(false);
            producer.join(STEP_TIMEOUT.toMillis());
            return sent.get();
        }

        List<Integer> awaitRead(int count) {
            await(() -> read.size() >= count, count + " records read");
            return new ArrayList<>(read);
        }

        private void await(BooleanSupplier condition, String what) {
            long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(failure.get()).as("traffic failed").isNull();
                assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
                try {
                    Thread.sleep(WAIT_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        private void produce(String bootstrapServers, String topic) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cluster-test-" + UUID.randomUUID()),
                    new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                while (sending.get()) {
                    int first = sent.get();
                    sendUntilCommitted(producer, topic, first);
                    sent.addAndGet(RECORDS_PER_TRANSACTION);
                    committed.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }

        /** An abortable failure aborts and sends the same numbers again; a commit that timed out is tried again. */
        private static void sendUntilCommitted(KafkaProducer<String, String> producer, String topic, int first) {
            while (true) {
                try {
                    producer.beginTransaction();
                    for (int sequence = first; sequence < first + RECORDS_PER_TRANSACTION; sequence++) {
                        producer.send(new ProducerRecord<>(topic, "key-" + sequence, String.valueOf(sequence)));
                    }
                    commit(producer);
                    return;
                } catch (ProducerFencedException fatal) {
                    throw fatal;
                } catch (KafkaException abortable) {
                    producer.abortTransaction();
                }
            }
        }

        private static void commit(KafkaProducer<String, String> producer) {
            while (true) {
                try {
                    producer.commitTransaction();
                    return;
                } catch (TimeoutException retriable) {
                    // The outcome is unknown until a retried commit answers.
                }
            }
        }

        private void consume(String bootstrapServers, String topic) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                Set<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .collect(Collectors.toSet());
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                while (reading.get()) {
                    consumer.poll(POLL).forEach(record -> read.add(Integer.valueOf(record.value())));
                }
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            sending.set(false);
            reading.set(false);
            producer.join(STEP_TIMEOUT.toMillis());
            consumer.join(STEP_TIMEOUT.toMillis());
        }
    }
}
