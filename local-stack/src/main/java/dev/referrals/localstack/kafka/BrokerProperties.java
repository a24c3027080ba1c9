package dev.referrals.localstack.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The configuration of one node of a KRaft cluster of one or three nodes, each both broker and controller.
 *
 * <p>The internal topics and the broker's defaults are replicated as {@link Replication#forBrokers} says: three
 * copies with two in sync, as in production, on three nodes; one copy on a single node. Everything else stays at
 * Kafka's defaults, so that tests see the behaviour production sees.
 */
final class BrokerProperties {

    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /**
     * Partitions of the internal offsets and transaction-state topics. Kafka's default of 50 suits a cluster with
     * many consumer groups; on a few nodes it only makes the first group and the first transaction wait while 50
     * partitions load. A handful still spreads coordinators as production does.
     */
    private static final int INTERNAL_TOPIC_PARTITIONS = 5;

    /** Tests create consumer groups all the time; waiting for more members to join only slows every one of them. */
    private static final int INITIAL_REBALANCE_DELAY_MS = 0;

    /**
     * A broker started again registers anew, and the controller refuses the new registration while the old one's
     * session lasts: Kafka's 9 s would make every broker restart of a rolling restart wait 9 s for nothing. A cluster's
     * brokers are all in this JVM, so a shorter session is as safe. A single broker keeps Kafka's defaults: fenced,
     * it would take the whole cluster down with it.
     */
    private static final int CLUSTER_SESSION_TIMEOUT_MS = 4_000;
    private static final int CLUSTER_HEARTBEAT_INTERVAL_MS = 1_000;

    private BrokerProperties() {
    }

    /**
     * @param node   the node these properties are for
     * @param quorum every node of the cluster, this one included: each is a voter of the controller quorum
     */
    static Properties of(KafkaNodeAddress node, List<KafkaNodeAddress> quorum, Path logDir) {
        String host = node.host();
        Replication replication = Replication.forBrokers(quorum.size());
        String copies = String.valueOf(replication.factor());
        String inSync = String.valueOf(replication.minInSyncReplicas());
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(node.nodeId()));
        // A static quorum of every node. A dynamic quorum (--standalone) would write the controllers' addresses into
        // the metadata log, and a persistent log dir could then not be restarted on other controller ports.
        properties.put("controller.quorum.voters",
                quorum.stream().map(KafkaNodeAddress::voter).collect(Collectors.joining(",")));
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listeners",
                CLIENT_LISTENER + "://" + host + ":" + node.port() + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + node.controllerPort());
        properties.put("advertised.listeners", CLIENT_LISTENER + "://" + node.bootstrapServer());
        properties.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
        properties.put("log.dirs", logDir.toString());

        properties.put("offsets.topic.replication.factor", copies);
        properties.put("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        properties.put("transaction.state.log.replication.factor", copies);
        properties.put("transaction.state.log.min.isr", inSync);
        properties.put("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        properties.put("share.coordinator.state.topic.replication.factor", copies);
        properties.put("share.coordinator.state.topic.min.isr", inSync);
        properties.put("default.replication.factor", copies);
        properties.put("min.insync.replicas", inSync);

        if (quorum.size() > 1) {
            properties.put("broker.session.timeout.ms", String.valueOf(CLUSTER_SESSION_TIMEOUT_MS));
            properties.put("broker.heartbeat.interval.ms", String.valueOf(CLUSTER_HEARTBEAT_INTERVAL_MS));
        }

        properties.put("group.initial.rebalance.delay.ms", String.valueOf(INITIAL_REBALANCE_DELAY_MS));
        // Topics come from the catalogue, as in production; a typo in a topic name must fail, not create a topic.
        properties.put("auto.create.topics.enable", "false");
        return properties;
    }
}
