package dev.referrals.localstack.registry;

import dev.referrals.schemas.registry.CompatibilityLevel;

import java.time.Duration;
import java.util.Objects;

/**
 * How to run a {@link SchemaRegistryServer}.
 *
 * @param host                 the interface to listen on; {@code 127.0.0.1} by default, {@code 0.0.0.0} for all
 * @param port                 the HTTP port; 0 picks a free one (see {@link SchemaRegistryServer#url()})
 * @param bootstrapServers     the Kafka broker(s) holding the registry's state
 * @param topic                the compacted topic holding the state, {@code _schemas} like Confluent's
 * @param defaultCompatibility the global level while none is stored in the topic, BACKWARD like Confluent's
 * @param kafkaTimeout         how long a start-up check or a write may wait for Kafka before it fails
 */
public record SchemaRegistrySettings(String host, int port, String bootstrapServers, String topic,
                                     CompatibilityLevel defaultCompatibility, Duration kafkaTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_TOPIC = "_schemas";
    public static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;
    public static final Duration DEFAULT_KAFKA_TIMEOUT = Duration.ofSeconds(10);
    /** Confluent's port, used by {@link SchemaRegistryServer#main} when none is given. */
    public static final int CONFLUENT_PORT = 8081;
    private static final int MAX_PORT = 65535;

    public SchemaRegistrySettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(defaultCompatibility, "defaultCompatibility");
        Objects.requireNonNull(kafkaTimeout, "kafkaTimeout");
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be between 0 (any free port) and " + MAX_PORT + ": " + port);
        }
        if (bootstrapServers.isBlank() || topic.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers and topic must not be blank");
        }
    }

    /** Defaults for everything but the broker: a free port on 127.0.0.1, topic {@code _schemas}, BACKWARD. */
    public static SchemaRegistrySettings forBootstrapServers(String bootstrapServers) {
        return new SchemaRegistrySettings(DEFAULT_HOST, 0, bootstrapServers, DEFAULT_TOPIC, DEFAULT_COMPATIBILITY,
                DEFAULT_KAFKA_TIMEOUT);
    }

    public SchemaRegistrySettings withHost(String host) {
        return new SchemaRegistrySettings(host, port, bootstrapServers, topic, defaultCompatibility, kafkaTimeout);
    }

    public SchemaRegistrySettings withPort(int port) {
        return new SchemaRegistrySettings(host, port, bootstrapServers, topic, defaultCompatibility, kafkaTimeout);
    }

    public SchemaRegistrySettings withTopic(String topic) {
        return new SchemaRegistrySettings(host, port, bootstrapServers, topic, defaultCompatibility, kafkaTimeout);
    }

    public SchemaRegistrySettings withDefaultCompatibility(CompatibilityLevel level) {
        return new SchemaRegistrySettings(host, port, bootstrapServers, topic, level, kafkaTimeout);
    }

    public SchemaRegistrySettings withKafkaTimeout(Duration timeout) {
        return new SchemaRegistrySettings(host, port, bootstrapServers, topic, defaultCompatibility, timeout);
    }
}
