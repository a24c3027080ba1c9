package dev.referrals.localstack.kafka;

/**
 * A Kafka cluster the stack talks to: the in-JVM {@link KafkaCluster} by default, or a Testcontainers broker when
 * {@link KafkaBackend#TESTCONTAINERS} is chosen. The rest of the stack needs its address, its size, and for fault
 * tests a way to stop and start one broker.
 */
public interface RunningKafka extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients, for example {@code localhost:9092}. */
    String bootstrapServers();

    /** How many brokers the cluster has; topics are replicated as {@link Replication#forBrokers} says for it. */
    int brokers();

    /** Shuts broker {@code nodeId} (1 to {@link #brokers()}) down cleanly; a stopped broker stays stopped. */
    void stopBroker(int nodeId);

    /** Starts broker {@code nodeId} again and returns once it is back in the cluster; a running one is left alone. */
    void startBroker(int nodeId);

    /** Stops the cluster; calling it again does nothing. */
    @Override
    void close();
}
