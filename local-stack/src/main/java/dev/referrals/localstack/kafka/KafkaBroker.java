package dev.referrals.localstack.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of the in-JVM {@link KafkaCluster}: a real Apache Kafka server in KRaft mode, both broker and controller.
 *
 * <p>It is the same server code as a production broker, from the Kafka jars, so transactions, compaction and
 * consumer groups behave as they do there. A node can be stopped and started again: each start is a new
 * {@link KafkaRaftServer} on the same ports and log dir, as a restarted broker process would be.
 */
public final class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private static final AtomicBoolean EXIT_GUARD_INSTALLED = new AtomicBoolean();

    private final KafkaNodeAddress address;
    private final Path logDir;
    private final Properties properties;
    private KafkaRaftServer server;

    KafkaBroker(KafkaNodeAddress address, List<KafkaNodeAddress> quorum, Path logDir) {
        this.address = address;
        this.logDir = logDir;
        this.properties = BrokerProperties.of(address, quorum, logDir);
    }

    public int nodeId() {
        return address.nodeId();
    }

    public String host() {
        return address.host();
    }

    public int port() {
        return address.port();
    }

    public int controllerPort() {
        return address.controllerPort();
    }

    public Path logDir() {
        return logDir;
    }

    /** This node's {@code host:port}, for {@code bootstrap.servers}. */
    public String bootstrapServer() {
        return address.bootstrapServer();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Formats this node's log dir for the cluster unless it is formatted already. Returns whether it formatted. */
    boolean formatIfNeeded(String clusterId) throws Exception {
        return BrokerStorage.formatIfNeeded(config(), logDir, clusterId);
    }

    /**
     * Starts the server unless it runs. It returns once the node has joined the quorum, so with a static quorum of
     * three it waits for a second node: start the nodes of a new cluster in parallel.
     */
    synchronized void start() {
        if (server != null) {
            return;
        }
        installExitGuard();
        KafkaRaftServer starting = new KafkaRaftServer(config(), Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException | LinkageError e) {
            stopQuietly(starting);
            throw e;
        }
        server = starting;
    }

    /** Shuts the server down cleanly, so its log dir restarts without recovery; a stopped node stays stopped. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        stopQuietly(server);
        server = null;
    }

    private KafkaConfig config() {
        return new KafkaConfig(properties, false);
    }

    private void stopQuietly(KafkaRaftServer running) {
        try {
            running.shutdown();
            running.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka broker {} did not shut down cleanly: {}", nodeId(), e.toString());
        }
    }

    /**
     * Kafka halts the process on a fatal server error, which is right for a broker process and wrong for a broker
     * that shares its JVM with tests or an application: the JVM would vanish without a trace. Here the error is logged
     * and thrown into the failing Kafka thread instead, so the test fails and says why.
     */
    private static void installExitGuard() {
        if (!EXIT_GUARD_INSTALLED.compareAndSet(false, true)) {
            return;
        }
        Exit.Procedure refuse = (statusCode, message) -> {
            log.error("In-JVM Kafka broker asked to end the JVM (status {}): {}", statusCode, message);
            throw new IllegalStateException("In-JVM Kafka broker fatal error: " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
    }
}
