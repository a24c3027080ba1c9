package dev.referrals.platform.kafka;

import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * One {@link DefaultErrorHandler} for every listener: a failing record is retried with exponential back-off, then
 * published to {@code <topic>-dlt} with Spring Kafka's exception headers (class, message, stack trace, original
 * topic, partition and offset). A record that cannot be deserialized skips the retries and goes there with its
 * original bytes.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /** Counts dead letters by source topic: {@code referrals.deadletters.published{topic}}. */
    static final String DEAD_LETTERS_PUBLISHED = "referrals.deadletters.published";

    /**
     * A producer of its own: never transactional (a dead letter must be written whatever happens to the failed
     * work), and able to write both raw bytes (unreadable records) and Avro records (records that failed later).
     */
    @Bean
    @ConditionalOnMissingBean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaProperties kafkaProperties) {
        Map<String, Object> producerProperties = new HashMap<>(kafkaProperties.buildProducerProperties());
        producerProperties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        // The producer factory configures the delegate serializers with these properties.
        producerProperties.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, DeadLetterSubjectStrategy.class.getName());

        Map<Class<?>, Serializer<?>> byType = new HashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(GenericContainer.class, new AvroSerializer());
        DefaultKafkaProducerFactory<String, Object> producerFactory = new DefaultKafkaProducerFactory<>(
                producerProperties, new StringSerializer(), new DelegatingByTypeSerializer(byType, true));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producerFactory));
        recoverer.setHeadersFunction((record, failure) -> DeadLetterReason.headers(failure));
        return recoverer;
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetterErrorHandler(
            DeadLetterPublishingRecoverer recoverer, ReferralsKafkaProperties properties, MeterRegistry meters) {
        ReferralsKafkaProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        ConsumerRecordRecoverer counted = (record, failure) -> {
            recoverer.accept(record, failure);
            meters.counter(DEAD_LETTERS_PUBLISHED, "topic", record.topic()).increment();
        };
        return new DefaultErrorHandler(counted, backOff);
    }
}
