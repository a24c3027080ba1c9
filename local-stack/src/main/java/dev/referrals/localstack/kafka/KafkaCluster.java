package dev.referrals.localstack.kafka;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import dev.referrals.localstack.Setting;
import dev.referrals.localstack.StateDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of one or three {@link KafkaBroker}s inside this JVM, each node both broker and controller, with a
 * static quorum of every node.
 *
 * <p>Start-up formats each log dir on first use only, every node with the same cluster id, so a persistent dir keeps
 * its topics and records across restarts; a temporary dir is deleted on {@link #close()}. One node can be stopped
 * and started again while clients run ({@link #stopBroker}, {@link #startBroker}): with three copies of every
 * partition, two of them in sync, a cluster missing one node still takes every {@code acks=all} write.
 */
public final class KafkaCluster implements RunningKafka {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);

    private static final String WHAT = "Kafka broker";
    private static final String WHAT_CONTROLLER = "Kafka controller";

    /** How long start-up may take before we give up; a healthy cluster answers within a few seconds. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** A clean shutdown takes a second or two; past this, close gives up waiting and the JVM's exit ends the rest. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(60);

    private final List<KafkaBroker> nodes;
    private final Path logDir;
    private final boolean temporary;
    private final ClusterHealth health;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaCluster(List<KafkaBroker> nodes, Path logDir, boolean temporary) {
        this.nodes = List.copyOf(nodes);
        this.logDir = logDir;
        this.temporary = temporary;
        this.health = new ClusterHealth(bootstrapServers());
    }

    /**
     * Starts every node in parallel, since a node of a static quorum of three is ready only once a majority runs, and
     * returns once the cluster counts them all.
     *
     * @throws LocalStackStartupException with a one-line message if a port is busy, the log dir is unusable, or the
     *                                    cluster does not come up
     */
    public static KafkaCluster start(KafkaBrokerSettings settings) {
        return LocalPorts.retryLostPortRace(settings.choosesPorts(), () -> startOnce(settings));
    }

    private static KafkaCluster startOnce(KafkaBrokerSettings settings) {
        long startedAt = System.nanoTime();
        List<KafkaNodeAddress> quorum = new ArrayList<>();
        for (int nodeId = 1; nodeId <= settings.brokers(); nodeId++) {
            quorum.add(new KafkaNodeAddress(nodeId, settings.host(), LocalPorts.resolve(settings.port(nodeId)),
                    LocalPorts.resolve(settings.controllerPort(nodeId))));
        }
        requireOwnPorts(quorum);
        quorum.forEach(KafkaCluster::requireFreePorts);

        boolean temporary = settings.logDir().isEmpty();
        Path logDir = settings.logDir()
                .map(dir -> StateDirectory.requireWritable(WHAT, dir, Setting.DATA_DIR))
                .orElseGet(() -> StateDirectory.createTemporary("kafka"));
        List<KafkaBroker> nodes = quorum.stream()
                .map(node -> new KafkaBroker(node, quorum,
                        KafkaBrokerSettings.nodeLogDir(logDir, quorum.size(), node.nodeId())))
                .toList();
        KafkaCluster cluster = new KafkaCluster(nodes, logDir, temporary);
        try {
            String clusterId = BrokerStorage.clusterId(nodes.stream().map(KafkaBroker::logDir).toList());
            boolean formatted = false;
            for (KafkaBroker node : nodes) {
                formatted |= node.formatIfNeeded(clusterId);
            }
            inParallel(nodes, KafkaBroker::start, "start", STARTUP_TIMEOUT);
            cluster.health.awaitBrokers(cluster.nodeIds(), STARTUP_TIMEOUT);
            String what = nodes.size() == 1 ? "broker" : "cluster of " + nodes.size() + " brokers";
            log.info("Kafka {} listening on {} ({} log dir {}) after {} ms", what, cluster.bootstrapServers(),
                    formatted ? "new" : "reused", logDir, millisSince(startedAt));
            return cluster;
        } catch (Exception | LinkageError e) {
            cluster.stopAll();
            if (temporary) {
                StateDirectory.delete(logDir);
            }
            if (e instanceof LocalStackStartupException startupFailure) {
                throw startupFailure;
            }
            // Another process may have taken a port after the check above; that deserves the usual message. Only then:
            // after a timeout, a node still starting holds its own ports.
            if (LocalPorts.isBindFailure(e)) {
                quorum.forEach(KafkaCluster::requireFreePorts);
            }
            throw new LocalStackStartupException(WHAT + (nodes.size() == 1 ? "" : "s") + " failed to start on "
                    + cluster.bootstrapServers() + " with log dir " + logDir + " ("
                    + LocalStackStartupException.rootMessage(e) + "); " + Setting.DATA_DIR.howToChange()
                    + " to another directory or delete this one", e);
        }
    }

    /** Every node, running or not, for {@code bootstrap.servers}: a client finds the cluster through any that runs. */
    @Override
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServer).collect(Collectors.joining(","));
    }

    @Override
    public int brokers() {
        return nodes.size();
    }

    /** The nodes, in node id order. */
    public List<KafkaBroker> nodes() {
        return nodes;
    }

    /** The cluster's log dir: a single node's own, or the parent of each node's {@code node-<id>}. */
    public Path logDir() {
        return logDir;
    }

    /** Shuts this node down cleanly, as a broker's rolling restart does; the others keep serving. */
    @Override
    public void stopBroker(int nodeId) {
        KafkaBroker node = node(nodeId);
        if (!node.isRunning()) {
            log.info("Kafka broker {} on {} is stopped already", nodeId, node.bootstrapServer());
            return;
        }
        long stoppingAt = System.nanoTime();
        node.stop();
        log.info("Kafka broker {} on {} stopped in {} ms", nodeId, node.bootstrapServer(), millisSince(stoppingAt));
    }

    /**
     * Starts this node again on its ports and log dir, and returns once the cluster counts it and, if every node runs,
     * once no partition is under-replicated: the moment a rolling restart may stop the next node.
     *
     * @throws IllegalStateException if the node does not rejoin within the start-up timeout
     */
    @Override
    public void startBroker(int nodeId) {
        KafkaBroker node = node(nodeId);
        if (node.isRunning()) {
            log.info("Kafka broker {} on {} runs already", nodeId, node.bootstrapServer());
            return;
        }
        long startingAt = System.nanoTime();
        long started;
        long rejoined;
        try {
            node.start();
            started = millisSince(startingAt);
            health.awaitBrokers(Set.of(nodeId), STARTUP_TIMEOUT);
            rejoined = millisSince(startingAt);
            if (nodes.stream().allMatch(KafkaBroker::isRunning)) {
                health.awaitFullyReplicated(STARTUP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka broker " + nodeId + " was starting", e);
        } catch (TimeoutException | RuntimeException e) {
            throw new IllegalStateException("Kafka broker " + nodeId + " on " + node.bootstrapServer()
                    + " did not rejoin the cluster (" + LocalStackStartupException.rootMessage(e) + ")", e);
        }
        log.info("Kafka broker {} on {} started again: server up after {} ms, in the cluster after {} ms, no partition"
                + " under-replicated after {} ms", nodeId, node.bootstrapServer(), started, rejoined,
                millisSince(startingAt));
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    /** The partitions, as {@code topic-partition}, with fewer replicas in sync than they have. */
    public Set<String> underReplicatedPartitions() {
        try {
            return health.underReplicated();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing the topics of " + bootstrapServers(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers() + " did not describe its topics ("
                    + LocalStackStartupException.rootMessage(e) + ")", e);
        }
    }

    /**
     * Shuts every node down cleanly, all at once, so the controllers' quorum stays up while each broker hands over;
     * deletes a temporary log dir.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopAll();
        if (temporary) {
            StateDirectory.delete(logDir);
        }
        log.info("Kafka on {} stopped", bootstrapServers());
    }

    private void stopAll() {
        try {
            inParallel(nodes, KafkaBroker::stop, "stop", SHUTDOWN_TIMEOUT);
        } catch (Exception e) {
            log.warn("Kafka on {} did not stop cleanly: {}", bootstrapServers(), e.toString());
        }
    }

    private KafkaBroker node(int nodeId) {
        if (nodeId < 1 || nodeId > nodes.size()) {
            throw new IllegalArgumentException("No Kafka broker " + nodeId + ": the cluster has brokers 1 to "
                    + nodes.size());
        }
        return nodes.get(nodeId - 1);
    }

    private Set<Integer> nodeIds() {
        return nodes.stream().map(KafkaBroker::nodeId).collect(Collectors.toSet());
    }

    /** Each further broker's ports are counted up from the first's, so a controller port too close can collide. */
    private static void requireOwnPorts(List<KafkaNodeAddress> quorum) {
        Map<Integer, Integer> owners = new HashMap<>();
        for (KafkaNodeAddress node : quorum) {
            for (int port : List.of(node.port(), node.controllerPort())) {
                Integer owner = owners.putIfAbsent(port, node.nodeId());
                if (owner != null) {
                    throw new LocalStackStartupException("Kafka brokers " + owner + " and " + node.nodeId()
                            + " would both listen on " + node.host() + ":" + port + " (broker n takes the Kafka and"
                            + " controller ports plus 2(n - 1)); " + Setting.KAFKA_CONTROLLER_PORT.howToChange()
                            + " to the Kafka port plus 1");
                }
            }
        }
    }

    private static void requireFreePorts(KafkaNodeAddress node) {
        LocalPorts.requireFree(WHAT + nodeSuffix(node), node.host(), node.port(), Setting.KAFKA_PORT);
        LocalPorts.requireFree(WHAT_CONTROLLER + nodeSuffix(node), node.host(), node.controllerPort(),
                Setting.KAFKA_CONTROLLER_PORT);
    }

    /** Node 1 is named plainly, as the single broker was before there were clusters, so its messages read the same. */
    private static String nodeSuffix(KafkaNodeAddress node) {
        return node.nodeId() == 1 ? "" : " " + node.nodeId();
    }

    /** Runs the step on every node at once and waits for all; the first failure is thrown once all have ended. */
    private static void inParallel(List<KafkaBroker> nodes, Consumer<KafkaBroker> step, String name,
            Duration timeout) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService executor = Executors.newFixedThreadPool(nodes.size(), runnable -> {
            Thread thread = new Thread(runnable, "kafka-broker-" + name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> steps = nodes.stream().<Future<?>>map(node -> executor.submit(() -> step.accept(node)))
                    .toList();
            ExecutionException failure = null;
            for (Future<?> each : steps) {
                try {
                    each.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            executor.shutdown();
        }
    }
}
