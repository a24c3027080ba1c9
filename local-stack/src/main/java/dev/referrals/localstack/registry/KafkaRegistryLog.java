package dev.referrals.localstack.registry;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The registry log on a compacted, single-partition Kafka topic, as Confluent Schema Registry keeps it.
 * <p>
 * A write is produced with {@code acks=all} and then read back: the state only ever holds what the topic holds, in
 * the topic's order, and a write whose acknowledgement was lost still shows up at the next catch-up.
 */
final class KafkaRegistryLog implements RegistryLog {

    private static final Logger log = LoggerFactory.getLogger(KafkaRegistryLog.class);
    private static final int PARTITION = 0;
    // Confluent's own default replication for _schemas; a smaller cluster gets as many replicas as it has brokers.
    private static final int WANTED_REPLICAS = 3;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    // The reader only polls while it knows records are waiting, so a broker-side wait only adds latency.
    private static final Duration FETCH_MAX_WAIT = Duration.ofMillis(10);

    private final String bootstrapServers;
    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final RegistryRecordCodec codec;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;

    private KafkaRegistryLog(String bootstrapServers, String topic, Duration timeout, RegistryRecordCodec codec) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partition = new TopicPartition(topic, PARTITION);
        this.timeout = timeout;
        this.codec = codec;
        this.producer = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** Checks the broker answers, creates the topic if it is absent, and opens the log at its beginning. */
    static KafkaRegistryLog open(String bootstrapServers, String topic, Duration timeout, RegistryRecordCodec codec) {
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(adminConfig)) {
            int brokers = brokerCount(admin, bootstrapServers, timeout);
            ensureTopic(admin, topic, brokers, timeout);
        } catch (KafkaException e) {
            throw unreachable(bootstrapServers, timeout, e);
        }
        return new KafkaRegistryLog(bootstrapServers, topic, timeout, codec);
    }

    @Override
    public void catchUp(Consumer<RegistryRecord> apply) {
        try {
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw RegistryException.storeError("Reading the Kafka topic '" + topic + "' at "
                            + bootstrapServers + " did not reach offset " + end + " within " + timeout, null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_INTERVAL)) {
                    decode(record).ifPresent(apply);
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw RegistryException.storeError("Kafka at " + bootstrapServers + " did not answer within "
                    + timeout + " while reading topic '" + topic + "'", e);
        } catch (KafkaException e) {
            throw RegistryException.storeError("Error while reading the Kafka topic '" + topic + "' at "
                    + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(List<RegistryRecord> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try {
            for (RegistryRecord record : records) {
                RegistryRecordCodec.Encoded encoded = codec.encode(record);
                acks.add(producer.send(new ProducerRecord<>(topic, PARTITION, encoded.key(), encoded.value())));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            throw RegistryException.storeError("Kafka at " + bootstrapServers + " did not acknowledge the"
                    + " write to topic '" + topic + "' within " + timeout, e);
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw RegistryException.storeError("Error while writing to the Kafka topic '" + topic + "' at "
                    + bootstrapServers + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.storeError("Interrupted while writing to the Kafka topic '" + topic + "'", e);
        }
    }

    @Override
    public void close() {
        producer.close(timeout);
        consumer.close();
    }

    private Optional<RegistryRecord> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return codec.decode(record.key(), record.value());
        } catch (RuntimeException e) {
            // One foreign or damaged record must not keep the registry from starting; Confluent skips them too.
            log.warn("Skipping unreadable record at offset {} of topic '{}': {}", record.offset(), topic,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static int brokerCount(Admin admin, String bootstrapServers, Duration timeout) {
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable(bootstrapServers, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(bootstrapServers, timeout, e);
        }
    }

    private static void ensureTopic(Admin admin, String topic, int brokers, Duration timeout) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).topicNameValues().get(topic)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (description.partitions().size() != 1) {
                throw new RegistryStartupException("Schema registry topic '" + topic + "' has "
                        + description.partitions().size() + " partitions but must have exactly 1, or versions lose"
                        + " their order; delete it or choose another topic (setting topic, --topic)", null);
            }
            warnUnlessCompacted(admin, topic, timeout);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new RegistryStartupException("Schema registry could not describe topic '" + topic + "': "
                        + e.getCause().getMessage(), e);
            }
            createTopic(admin, topic, brokers, timeout);
        } catch (TimeoutException | InterruptedException e) {
            throw new RegistryStartupException("Schema registry could not describe topic '" + topic + "' within "
                    + timeout + "; check the broker is healthy", e);
        }
    }

    private static void createTopic(Admin admin, String topic, int brokers, Duration timeout) {
        short replicas = (short) Math.max(1, Math.min(WANTED_REPLICAS, brokers));
        NewTopic newTopic = new NewTopic(topic, 1, replicas)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created compacted schema registry topic '{}' with {} replica(s)", topic, replicas);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new RegistryStartupException("Schema registry could not create topic '" + topic + "': "
                        + e.getCause().getMessage() + "; create it (1 partition, cleanup.policy=compact) or choose"
                        + " another topic (setting topic, --topic)", e);
            }
        } catch (TimeoutException | InterruptedException e) {
            throw new RegistryStartupException("Schema registry could not create topic '" + topic + "' within "
                    + timeout + "; check the broker is healthy", e);
        }
    }

    private static void warnUnlessCompacted(Admin admin, String topic, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            log.warn("Schema registry topic '{}' has cleanup.policy={}; without compaction, retention will delete"
                    + " schemas. Set cleanup.policy=compact on it.", topic, policy);
        }
    }

    private static RegistryStartupException unreachable(String bootstrapServers, Duration timeout, Exception e) {
        return new RegistryStartupException("Schema registry cannot reach Kafka at " + bootstrapServers
                + " (no answer within " + timeout.toSeconds() + "s); start the broker, or point the bootstrap servers"
                + " setting (bootstrapServers, --bootstrap-servers) at a running one", e);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-producer-" + topic);
        return config;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) FETCH_MAX_WAIT.toMillis());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader-" + topic);
        return config;
    }
}
