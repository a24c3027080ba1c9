package dev.referrals.localstack.kafka;

/**
 * Where one node of the in-JVM cluster listens: clients on {@code port}, the KRaft quorum on {@code controllerPort}.
 *
 * @param nodeId         the node's {@code node.id}, 1 to the number of brokers
 * @param host           the host name both listeners bind and advertise
 * @param port           the client listener
 * @param controllerPort the KRaft controller listener
 */
record KafkaNodeAddress(int nodeId, String host, int port, int controllerPort) {

    /** This node's entry in {@code bootstrap.servers}. */
    String bootstrapServer() {
        return host + ":" + port;
    }

    /** This node's entry in {@code controller.quorum.voters}. */
    String voter() {
        return nodeId + "@" + host + ":" + controllerPort;
    }
}
