package dev.referrals.localstack.kafka;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import dev.referrals.localstack.Setting;
import dev.referrals.localstack.StateDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode, running inside this JVM: one node that is both broker and controller.
 *
 * <p>It is the same server code as a production broker, from the Kafka jars, so transactions, compaction and
 * consumer groups behave as they do there. Start-up formats the log dir on first use only, so a persistent dir keeps
 * its topics and records across restarts; a temporary dir is deleted on {@link #close()}.
 */
public final class KafkaBroker implements RunningKafka {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private static final String WHAT = "Kafka broker";
    private static final String WHAT_CONTROLLER = "Kafka controller";

    /** How long start-up may take before we give up; a healthy broker answers within a few seconds. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** Each readiness probe is short, so a slow first answer does not use up the whole start-up budget. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration PROBE_PAUSE = Duration.ofMillis(100);

    private static final AtomicBoolean EXIT_GUARD_INSTALLED = new AtomicBoolean();

    private final KafkaRaftServer server;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, String host, int port, int controllerPort, Path logDir,
            boolean temporary) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.temporary = temporary;
    }

    /**
     * Starts the broker and returns once it answers clients.
     *
     * @throws LocalStackStartupException with a one-line message if a port is busy, the log dir is unusable, or the
     *                                    broker does not come up
     */
    public static KafkaBroker start(KafkaBrokerSettings settings) {
        long startedAt = System.nanoTime();
        String host = settings.host();
        int port = LocalPorts.resolve(settings.port());
        int controllerPort = LocalPorts.resolve(settings.controllerPort());
        LocalPorts.requireFree(WHAT, host, port, Setting.KAFKA_PORT);
        LocalPorts.requireFree(WHAT_CONTROLLER, host, controllerPort, Setting.KAFKA_CONTROLLER_PORT);

        boolean temporary = settings.logDir().isEmpty();
        Path logDir = settings.logDir()
                .map(dir -> StateDirectory.requireWritable(WHAT, dir, Setting.DATA_DIR))
                .orElseGet(() -> StateDirectory.createTemporary("kafka"));

        installExitGuard();
        KafkaRaftServer server = null;
        try {
            KafkaConfig config = new KafkaConfig(BrokerProperties.of(host, port, controllerPort, logDir), false);
            boolean formatted = BrokerStorage.formatIfNeeded(config, logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, host, port, controllerPort, logDir, temporary);
            broker.awaitReady();
            log.info("Kafka broker listening on {} ({} log dir {}) after {} ms", broker.bootstrapServers(),
                    formatted ? "new" : "reused", logDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return broker;
        } catch (Exception | LinkageError e) {
            stopQuietly(server);
            if (temporary) {
                StateDirectory.delete(logDir);
            }
            if (e instanceof LocalStackStartupException startupFailure) {
                throw startupFailure;
            }
            // Another process may have taken a port after the check above; that deserves the usual message.
            LocalPorts.requireFree(WHAT, host, port, Setting.KAFKA_PORT);
            LocalPorts.requireFree(WHAT_CONTROLLER, host, controllerPort, Setting.KAFKA_CONTROLLER_PORT);
            throw new LocalStackStartupException(WHAT + " failed to start on " + host + ":" + port + " with log dir "
                    + logDir + " (" + LocalStackStartupException.rootMessage(e) + "); " + Setting.DATA_DIR.howToChange()
                    + " to another directory or delete this one", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return host + ":" + port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDir() {
        return logDir;
    }

    /** Shuts the broker down cleanly, so a persistent log dir restarts without recovery; deletes a temporary one. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopQuietly(server);
        if (temporary) {
            StateDirectory.delete(logDir);
        }
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    private void awaitReady() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    log.debug("Kafka broker on {} not ready yet: {}", bootstrapServers(), notYet.toString());
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the broker did not answer within " + STARTUP_TIMEOUT.toSeconds()
                            + " s");
                }
                Thread.sleep(PROBE_PAUSE.toMillis());
            }
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka broker did not shut down cleanly: {}", e.toString());
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
