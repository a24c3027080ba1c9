package dev.referrals.processor;

import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What reached {@code referrals.referral-requested-dlt}, read as raw bytes. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** The first dead letter of a referral request with this key (a jobId), within {@link PublishedEvents#WAIT}. */
    public static ConsumerRecord<String, byte[]> awaitReferralRequest(String bootstrapServers, TopicNamespace namespace,
                                                                      String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(namespace.deadLetterTopic(Topics.REFERRAL_REQUESTED)));
            Instant deadline = Instant.now().plus(PublishedEvents.WAIT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter with key " + key + " within " + PublishedEvents.WAIT);
    }
}
