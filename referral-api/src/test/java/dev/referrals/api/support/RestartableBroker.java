package dev.referrals.api.support;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.StateDirectory;
import dev.referrals.localstack.kafka.CatalogueTopics;
import dev.referrals.localstack.kafka.KafkaBroker;
import dev.referrals.localstack.kafka.KafkaBrokerSettings;
import dev.referrals.schemas.TopicNamespace;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A private in-JVM Kafka broker that a test stops and starts again, on the same ports and log dir, while the
 * service keeps running: the broker becomes unreachable, then comes back with every record it had. The shared
 * stack's broker is never stopped, since other tests use it.
 */
public final class RestartableBroker implements AutoCloseable {

    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(1);

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaBroker broker;

    private RestartableBroker(Path logDir, KafkaBroker first) {
        this.logDir = logDir;
        this.broker = first;
        this.port = first.port();
        this.controllerPort = first.controllerPort();
    }

    /** Starts the broker on free ports. */
    public static RestartableBroker start() {
        Path logDir = StateDirectory.createTemporary("kafka-restartable");
        return new RestartableBroker(logDir, KafkaBroker.start(
                KafkaBrokerSettings.persistent(logDir, LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT)));
    }

    public String bootstrapServers() {
        return KafkaBrokerSettings.LOCALHOST + ":" + port;
    }

    /** Creates the namespace's catalogue topics on this broker, as the shared stack does on its own. */
    public void createTopics(TopicNamespace namespace) {
        new CatalogueTopics(bootstrapServers(), DEAD_LETTER_RETENTION).create(namespace);
    }

    /** Shuts the broker down: from now on nothing answers on its port. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts it again on the same port with the same log, and returns once it answers clients. */
    public synchronized void restart() {
        if (broker == null) {
            broker = KafkaBroker.start(KafkaBrokerSettings.persistent(logDir, port, controllerPort));
        }
    }

    @Override
    public synchronized void close() {
        stop();
        StateDirectory.delete(logDir);
    }
}
