package dev.referrals.localstack.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single-node KRaft cluster: one process is both broker and controller.
 *
 * <p>Everything a production cluster replicates three ways is set to one replica here, because there is one node.
 * Everything else stays at Kafka's defaults, so that tests see the behaviour production sees.
 */
final class BrokerProperties {

    /** The only node of the cluster. */
    static final int NODE_ID = 1;

    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    /** One node can hold one replica of each internal topic. */
    private static final int SINGLE_NODE_REPLICATION = 1;

    /**
     * Partitions of the internal offsets and transaction-state topics. Kafka's default of 50 suits a cluster with
     * many consumer groups; on one node it only makes the first group and the first transaction wait while 50
     * partitions load. A handful still spreads coordinators as production does.
     */
    private static final int INTERNAL_TOPIC_PARTITIONS = 5;

    /** Tests create consumer groups all the time; waiting for more members to join only slows every one of them. */
    private static final int INITIAL_REBALANCE_DELAY_MS = 0;

    private BrokerProperties() {
    }

    static Properties of(String host, int port, int controllerPort, Path logDir) {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        // A static quorum of this one node. A dynamic quorum (--standalone) would write the controller's address into
        // the metadata log, and a persistent log dir could then not be restarted on another controller port.
        properties.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("listeners",
                CLIENT_LISTENER + "://" + host + ":" + port + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + controllerPort);
        properties.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + port);
        properties.put("listener.security.protocol.map",
                CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("inter.broker.listener.name", CLIENT_LISTENER);
        properties.put("log.dirs", logDir.toString());

        properties.put("offsets.topic.replication.factor", String.valueOf(SINGLE_NODE_REPLICATION));
        properties.put("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        properties.put("transaction.state.log.replication.factor", String.valueOf(SINGLE_NODE_REPLICATION));
        properties.put("transaction.state.log.min.isr", String.valueOf(SINGLE_NODE_REPLICATION));
        properties.put("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        properties.put("share.coordinator.state.topic.replication.factor", String.valueOf(SINGLE_NODE_REPLICATION));
        properties.put("share.coordinator.state.topic.min.isr", String.valueOf(SINGLE_NODE_REPLICATION));
        properties.put("default.replication.factor", String.valueOf(SINGLE_NODE_REPLICATION));
        properties.put("min.insync.replicas", String.valueOf(SINGLE_NODE_REPLICATION));

        properties.put("group.initial.rebalance.delay.ms", String.valueOf(INITIAL_REBALANCE_DELAY_MS));
        // Topics come from the catalogue, as in production; a typo in a topic name must fail, not create a topic.
        properties.put("auto.create.topics.enable", "false");
        return properties;
    }
}
