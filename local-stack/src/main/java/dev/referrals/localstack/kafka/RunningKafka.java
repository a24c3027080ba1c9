package dev.referrals.localstack.kafka;

/**
 * A Kafka cluster the stack talks to: the in-JVM {@link KafkaBroker} by default, or a Testcontainers broker when
 * {@link KafkaBackend#TESTCONTAINERS} is chosen. The rest of the stack only needs its address.
 */
public interface RunningKafka extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients, for example {@code localhost:9092}. */
    String bootstrapServers();

    /** Stops the broker; calling it again does nothing. */
    @Override
    void close();
}
