package dev.referrals.platform.kafka;

import dev.referrals.platform.failure.DependencyOutages;
import dev.referrals.platform.failure.DependencyOutagesHealthIndicator;
import dev.referrals.platform.failure.ListenerFailure;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * One {@link DefaultErrorHandler} for every listener of every service, with one classification of failures
 * ({@link ListenerFailure}) and the back-off of each ({@link ListenerBackOffs}):
 * <ul>
 *   <li>a dependency down (database, broker, registry, or a service's own such as SMTP): retried without limit,
 *       never dead-lettered, counted and reported by {@link DependencyOutages};</li>
 *   <li>an unreadable record: to {@code <topic>-dlt} at once, with its original bytes;</li>
 *   <li>anything else: a service's {@link ListenerBackOff} if one claims it, else retried with exponential
 *       back-off ({@code referrals.kafka.retry.*}), then published to {@code <topic>-dlt}.</li>
 * </ul>
 * A dead letter carries Spring Kafka's exception headers (class, message, stack trace, original topic, partition
 * and offset) and the reason ({@link DeadLetterReason}). Services do not change this handler; they declare
 * {@link ListenerBackOff} beans.
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
    @ConditionalOnMissingBean
    DependencyOutages dependencyOutages(MeterRegistry meters) {
        return new DependencyOutages(meters, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("dependencyOutages")
    DependencyOutagesHealthIndicator dependencyOutagesHealthIndicator(DependencyOutages outages) {
        return new DependencyOutagesHealthIndicator(outages);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetterErrorHandler(DeadLetterPublishingRecoverer recoverer,
            ReferralsKafkaProperties properties, MeterRegistry meters, DependencyOutages outages,
            ObjectProvider<ListenerBackOff> serviceBackOffs) {
        ReferralsKafkaProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        ConsumerRecordRecoverer counted = (record, failure) -> {
            recoverer.accept(record, failure);
            meters.counter(DEAD_LETTERS_PUBLISHED, "topic", record.topic()).increment();
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(counted, backOff);
        // Classified by ListenerBackOffs instead: an unreachable registry also makes a DeserializationException.
        handler.removeClassification(DeserializationException.class);
        handler.setBackOffFunction(new ListenerBackOffs(properties.outage(), serviceBackOffs.orderedStream().toList()));
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                ListenerFailure classified = ListenerFailure.classify(failure);
                if (classified.isDependencyDown()) {
                    outages.failed(classified.dependency(), record.topic());
                }
            }
        });
        return handler;
    }
}
