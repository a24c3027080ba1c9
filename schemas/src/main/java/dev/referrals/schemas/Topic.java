package dev.referrals.schemas;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One entry of the topic catalogue: a topic's base name, its key and value types, and how it is created.
 *
 * <p>The name here is the contract other teams subscribe to. A deployment may put every topic under a prefix
 * (see {@link TopicNamespace}); tests do so to get topics of their own on a shared broker.
 *
 * @param name          the topic name, for example {@code referrals.referral-requested}
 * @param keyType       the type of the record key; every topic here is keyed by a string id
 * @param valueType     the generated Avro class of the record value
 * @param partitions    how many partitions the topic is created with
 * @param cleanupPolicy {@code delete} for event streams, {@code compact} for fact tables
 * @param key           what the key holds, for the docs
 */
public record Topic<K, V extends SpecificRecord>(
        String name, Class<K> keyType, Class<V> valueType, int partitions, CleanupPolicy cleanupPolicy, String key) {

    /** Spring Kafka's default suffix for dead-letter topics. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    /**
     * How long a dead-letter topic keeps a record unless a deployment says otherwise: long enough to notice, fix the
     * cause and redrive across a holiday, short enough that the personal data a dead letter may hold does not stay.
     */
    public static final Duration DEFAULT_DEAD_LETTER_RETENTION = Duration.ofDays(14);

    /** The suffix of a value subject under Confluent's TopicNameStrategy. */
    public static final String VALUE_SUBJECT_SUFFIX = "-value";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
    }

    /** The Avro schema of the value, as compiled into the generated class. */
    public Schema valueSchema() {
        return SpecificData.get().getSchema(valueType);
    }

    /** The registry subject of the value under TopicNameStrategy: {@code <topic>-value}. */
    public String valueSubject() {
        return name + VALUE_SUBJECT_SUFFIX;
    }

    /** The dead-letter topic that Spring Kafka's recoverer publishes to: {@code <topic>-dlt}. */
    public String deadLetterTopic() {
        return name + DEAD_LETTER_SUFFIX;
    }

    /**
     * The topic configs of every dead-letter topic. Dead letters are a log of failures, never compacted (two failures
     * with one key must both stay), and they expire after {@code retention}.
     */
    public static Map<String, String> deadLetterConfigs(Duration retention) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
    }
}
