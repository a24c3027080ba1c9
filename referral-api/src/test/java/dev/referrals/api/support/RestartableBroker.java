package dev.referrals.api.support;

import dev.referrals.localstack.kafka.CatalogueTopics;
import dev.referrals.localstack.kafka.KafkaBrokerSettings;
import dev.referrals.localstack.kafka.KafkaCluster;
import dev.referrals.schemas.TopicNamespace;
import java.time.Duration;

/**
 * A private in-JVM Kafka broker that a test stops and starts again, on the same ports and log dir, while the
 * service keeps running: the broker becomes unreachable, then comes back with every record it had. The shared
 * stack's broker is never stopped, since other tests use it.
 */
public final class RestartableBroker implements AutoCloseable {

    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(1);
    private static final int NODE = 1;

    private final KafkaCluster broker;

    private RestartableBroker(KafkaCluster broker) {
        this.broker = broker;
    }

    /** Starts the broker on free ports, with a temporary log dir deleted on close. */
    public static RestartableBroker start() {
        return new RestartableBroker(KafkaCluster.start(KafkaBrokerSettings.temporary()));
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Creates the namespace's catalogue topics on this broker, as the shared stack does on its own. */
    public void createTopics(TopicNamespace namespace) {
        new CatalogueTopics(bootstrapServers(), DEAD_LETTER_RETENTION, broker.brokers()).create(namespace);
    }

    /** Shuts the broker down: from now on nothing answers on its port. */
    public void stop() {
        broker.stopBroker(NODE);
    }

    /** Starts it again on the same port with the same log, and returns once it answers clients. */
    public void restart() {
        broker.startBroker(NODE);
    }

    @Override
    public void close() {
        broker.close();
    }
}
