package dev.referrals.platform.kafka;

/**
 * The replication of the topics a service creates, on a cluster of a given size: what is configured
 * (production: 3 replicas, {@code min.insync.replicas=2}), or, on a smaller cluster such as the local stack's single
 * broker, as many replicas as there are brokers and one fewer in sync, at least one.
 *
 * @param factor            replicas of each partition
 * @param minInsyncReplicas the topics' {@code min.insync.replicas}
 * @param reduced           whether the cluster was too small for what is configured
 */
public record TopicReplication(short factor, int minInsyncReplicas, boolean reduced) {

    /** What the configured replication becomes on a cluster of this many brokers. */
    public static TopicReplication forCluster(int brokers, ReferralsKafkaProperties.Replication wanted) {
        if (brokers >= wanted.factor()) {
            return new TopicReplication((short) wanted.factor(), wanted.minInsyncReplicas(), false);
        }
        int factor = Math.max(1, brokers);
        return new TopicReplication((short) factor, Math.max(1, Math.min(wanted.minInsyncReplicas(), factor - 1)),
                true);
    }

    /** The start-up warning of a reduced replication. */
    String warning(int brokers, ReferralsKafkaProperties.Replication wanted) {
        return ("The Kafka cluster has %d broker(s): topics are created with replication factor %d and "
                + "min.insync.replicas=%d instead of %d and %d, so acks=all does not protect a write against a broker's "
                + "loss. Production needs at least %d brokers (referrals.kafka.replication.*).")
                .formatted(brokers, factor, minInsyncReplicas, wanted.factor(), wanted.minInsyncReplicas(),
                        wanted.factor());
    }
}
