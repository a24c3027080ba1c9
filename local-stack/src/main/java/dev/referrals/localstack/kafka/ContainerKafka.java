package dev.referrals.localstack.kafka;

import dev.referrals.localstack.LocalStackStartupException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka in the official {@code apache/kafka} image, through Testcontainers: the switch for machines with Docker.
 * Loaded only when {@link KafkaBackend#TESTCONTAINERS} is chosen.
 *
 * <p>It is one broker and cannot stop or start it alone: a three-broker cluster and broker faults are the in-JVM
 * cluster's ({@link KafkaCluster}).
 */
final class ContainerKafka implements RunningKafka {

    private static final Logger log = LoggerFactory.getLogger(ContainerKafka.class);

    /** The same Kafka version as the in-JVM broker and the client jars, so both backends behave alike. */
    static final String IMAGE = "apache/kafka:4.1.2";

    private final KafkaContainer container;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static RunningKafka start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new LocalStackStartupException("Testcontainers Kafka was chosen with " + KafkaBackend.SYSTEM_PROPERTY
                    + "=" + KafkaBackend.TESTCONTAINERS.switchValue() + " but no Docker engine is reachable; start"
                    + " Docker or unset " + KafkaBackend.ENVIRONMENT_VARIABLE + " / -D" + KafkaBackend.SYSTEM_PROPERTY
                    + " to use the in-JVM broker");
        }
        // Testcontainers already sets single-node replication and no rebalance delay; topics come from the catalogue
        // here as on the in-JVM broker, so a misspelt topic fails in both.
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new LocalStackStartupException("Testcontainers Kafka (" + IMAGE + ") failed to start ("
                    + LocalStackStartupException.rootMessage(e) + "); unset " + KafkaBackend.ENVIRONMENT_VARIABLE
                    + " / -D" + KafkaBackend.SYSTEM_PROPERTY + " to use the in-JVM broker", e);
        }
        log.info("Testcontainers Kafka ({}) listening on {}", IMAGE, container.getBootstrapServers());
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int brokers() {
        return KafkaBrokerSettings.SINGLE_BROKER;
    }

    @Override
    public void stopBroker(int nodeId) {
        throw noBrokerFaults();
    }

    @Override
    public void startBroker(int nodeId) {
        throw noBrokerFaults();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            container.stop();
        }
    }

    private static UnsupportedOperationException noBrokerFaults() {
        return new UnsupportedOperationException("Testcontainers Kafka cannot stop or start a broker; unset "
                + KafkaBackend.ENVIRONMENT_VARIABLE + " / -D" + KafkaBackend.SYSTEM_PROPERTY
                + " to use the in-JVM cluster");
    }
}
