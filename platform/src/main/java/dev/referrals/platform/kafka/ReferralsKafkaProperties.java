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
 * @param deadLetterRetention the {@code retention.ms} of the dead-letter topics this service creates; unset, the
 *                     catalogue's {@link Topic#DEFAULT_DEAD_LETTER_RETENTION}
 */
@ConfigurationProperties("referrals.kafka")
public record ReferralsKafkaProperties(
        @DefaultValue("") String topicPrefix,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue Retry retry,
        Duration deadLetterRetention) {

    public ReferralsKafkaProperties {
        if (deadLetterRetention == null) {
            deadLetterRetention = Topic.DEFAULT_DEAD_LETTER_RETENTION;
        }
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
}
