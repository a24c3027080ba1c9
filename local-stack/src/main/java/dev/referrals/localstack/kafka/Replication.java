package dev.referrals.localstack.kafka;

/**
 * How many copies the cluster keeps of each partition, and how many must have a write before {@code acks=all}
 * answers: three and two, as in production, once there are three brokers; one and one on a single broker.
 *
 * <p>One rule for the broker's own topics ({@link BrokerProperties}) and the catalogue's ({@link CatalogueTopics}),
 * so the two never disagree.
 *
 * @param factor            the replication factor
 * @param minInSyncReplicas the {@code min.insync.replicas}
 */
public record Replication(short factor, int minInSyncReplicas) {

    /** Production's replication factor; more brokers than this add no copies. */
    static final int PRODUCTION_FACTOR = 3;

    /** With three copies, one broker may be down while {@code acks=all} writes still succeed. */
    static final int PRODUCTION_MIN_IN_SYNC = 2;

    private static final int SINGLE_COPY = 1;

    /** The replication a cluster of this many brokers can hold. */
    public static Replication forBrokers(int brokers) {
        if (brokers >= PRODUCTION_FACTOR) {
            return new Replication((short) PRODUCTION_FACTOR, PRODUCTION_MIN_IN_SYNC);
        }
        return new Replication((short) SINGLE_COPY, SINGLE_COPY);
    }
}
