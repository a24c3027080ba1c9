package dev.referrals.platform.kafka;

import dev.referrals.schemas.Topic;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code referrals.kafka}.
 *
 * @param topicPrefix  put before every catalogue topic name; empty in production, unique per test
 * @param createTopics create every catalogue topic and its dead-letter topic at start-up when missing
 * @param retry        how a failed record is retried before it goes to its dead-letter topic
 * @param outage       how a record waits for a dependency that is down (database, broker, registry, SMTP)
 * @param deadLetterRetention the {@code retention.ms} of the dead-letter topics this service creates; unset, the
 *                     catalogue's {@link Topic#DEFAULT_DEAD_LETTER_RETENTION}
 * @param replication  the replication factor and {@code min.insync.replicas} of the topics this service creates
 */
@ConfigurationProperties("referrals.kafka")
public record ReferralsKafkaProperties(
        @DefaultValue("") String topicPrefix,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue Retry retry,
        @DefaultValue Outage outage,
        Duration deadLetterRetention,
        @DefaultValue Replication replication) {

    public ReferralsKafkaProperties {
        if (deadLetterRetention == null) {
            deadLetterRetention = Topic.DEFAULT_DEAD_LETTER_RETENTION;
        }
        if (outage == null) {
            outage = new Outage(Outage.DEFAULT_INITIAL_INTERVAL, Outage.DEFAULT_MULTIPLIER, Outage.DEFAULT_MAX_INTERVAL);
        }
        if (replication == null) {
            replication = new Replication(Replication.PRODUCTION_FACTOR, Replication.PRODUCTION_MIN_INSYNC_REPLICAS);
        }
    }

    /**
     * How the topics this service creates are replicated: {@code acks=all} only means something with more than one
     * in-sync replica. On a cluster of fewer brokers the factor is the cluster's size, and start-up warns
     * ({@link TopicReplication}).
     *
     * @param factor            replicas of each partition
     * @param minInsyncReplicas replicas that must have a write before {@code acks=all} acknowledges it
     */
    public record Replication(
            @DefaultValue("3") int factor,
            @DefaultValue("2") int minInsyncReplicas) {

        public static final int PRODUCTION_FACTOR = 3;
        public static final int PRODUCTION_MIN_INSYNC_REPLICAS = 2;
    }

    /**
     * Exponential back-off of a failing record. The consumer stays on the record meanwhile, so its partition waits:
     * this is what keeps order per job, and it is why the back-off is bounded.
     *
     * @param initialInterval the first wait
     * @param multiplier      growth of each next wait
     * @param maxInterval     the longest single wait; keep it well under {@code max.poll.interval.ms}
     * @param maxAttempts     retries after the first failure, then the record goes to the dead-letter topic
     */
    public record Retry(
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10s") Duration maxInterval,
            @DefaultValue("5") int maxAttempts) {
    }

    /**
     * Exponential back-off of a record that failed because a dependency is down, without an attempt limit: such a
     * record is never dead-lettered for it. The partition waits meanwhile, which keeps order per job.
     *
     * @param initialInterval the first wait
     * @param multiplier      growth of each next wait
     * @param maxInterval     the longest single wait, so a dependency that is back is noticed within it; keep it
     *                        well under {@code max.poll.interval.ms}
     */
    public record Outage(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval) {

        static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(1);
        static final double DEFAULT_MULTIPLIER = 2.0;
        static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);
    }
}
