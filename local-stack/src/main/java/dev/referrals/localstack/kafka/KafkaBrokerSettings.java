package dev.referrals.localstack.kafka;

import dev.referrals.localstack.LocalPorts;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the in-JVM cluster listens and keeps its logs.
 *
 * <p>Node 1 listens on {@code port} and {@code controllerPort}; each further node on the next pair up, two ports
 * higher each: 9092 and 9093, then 9094 and 9095, then 9096 and 9097. A port of {@link LocalPorts#ANY_FREE_PORT}
 * gives every node free ports of its own.
 *
 * @param host           the host name the listeners bind and advertise; the cluster is for this machine only
 * @param brokers        how many nodes, each broker and controller: 1 or 3
 * @param port           node 1's client listener, or {@link LocalPorts#ANY_FREE_PORT}
 * @param controllerPort node 1's KRaft controller listener, or {@link LocalPorts#ANY_FREE_PORT}
 * @param logDir         a directory kept across restarts; empty for a temporary one deleted on close. A single
 *                       node keeps its log in it; each of three nodes in {@code node-<id>} below it
 */
public record KafkaBrokerSettings(String host, int brokers, int port, int controllerPort, Optional<Path> logDir) {

    public static final String LOCALHOST = "localhost";
    public static final int SINGLE_BROKER = 1;
    /** Production's replication factor, so three is the one cluster size besides one worth running. */
    public static final int CLUSTER_BROKERS = Replication.PRODUCTION_FACTOR;

    /** Each node takes a client and a controller port, so the next node's pair starts two ports higher. */
    private static final int PORTS_PER_NODE = 2;
    private static final String NODE_DIR_PREFIX = "node-";

    public KafkaBrokerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(logDir, "logDir");
        if (brokers != SINGLE_BROKER && brokers != CLUSTER_BROKERS) {
            throw new IllegalArgumentException("brokers must be " + SINGLE_BROKER + " or " + CLUSTER_BROKERS
                    + ": " + brokers);
        }
    }

    /** One broker on free ports with a temporary log dir: what a test wants. */
    public static KafkaBrokerSettings temporary() {
        return new KafkaBrokerSettings(LOCALHOST, SINGLE_BROKER, LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT,
                Optional.empty());
    }

    /** One broker whose topics and records survive a restart on the same directory. */
    public static KafkaBrokerSettings persistent(Path logDir, int port, int controllerPort) {
        return new KafkaBrokerSettings(LOCALHOST, SINGLE_BROKER, port, controllerPort, Optional.of(logDir));
    }

    public KafkaBrokerSettings withBrokers(int count) {
        return new KafkaBrokerSettings(host, count, port, controllerPort, logDir);
    }

    /** Whether every port is chosen at start-up, so a start that lost one to another process may choose again. */
    boolean choosesPorts() {
        return port == LocalPorts.ANY_FREE_PORT && controllerPort == LocalPorts.ANY_FREE_PORT;
    }

    /** The client port of node {@code nodeId} (1 to {@link #brokers()}), or {@link LocalPorts#ANY_FREE_PORT}. */
    int port(int nodeId) {
        return nodePort(port, nodeId);
    }

    /** The controller port of node {@code nodeId}, or {@link LocalPorts#ANY_FREE_PORT}. */
    int controllerPort(int nodeId) {
        return nodePort(controllerPort, nodeId);
    }

    /** Where node {@code nodeId} keeps its log under the cluster's dir; a single node uses the dir itself. */
    static Path nodeLogDir(Path clusterDir, int brokers, int nodeId) {
        return brokers == SINGLE_BROKER ? clusterDir : clusterDir.resolve(NODE_DIR_PREFIX + nodeId);
    }

    private static int nodePort(int firstPort, int nodeId) {
        return firstPort == LocalPorts.ANY_FREE_PORT ? LocalPorts.ANY_FREE_PORT
                : firstPort + PORTS_PER_NODE * (nodeId - 1);
    }
}
