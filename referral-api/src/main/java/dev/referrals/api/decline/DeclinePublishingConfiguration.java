package dev.referrals.api.decline;

import dev.referrals.api.ReferralApiProperties;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The transactional producer of declines: Boot's producer settings ({@code spring.kafka.producer.*}, the platform's
 * serde, {@code acks=all}, idempotence) plus a transactional id per instance and timeouts derived from
 * {@code referrals.api.publish-timeout}.
 *
 * <p>It is built here rather than through {@code spring.kafka.producer.transaction-id-prefix}: that property would
 * also make Boot create a Kafka transaction manager, which turns every listener container transactional and takes
 * the place of the JDBC transaction manager the read model needs.
 */
@Configuration(proxyBeanMethods = false)
class DeclinePublishingConfiguration {

    /**
     * The commit flushes the decline's records right away, so waiting for more records to batch only adds latency.
     */
    private static final int NO_LINGER = 0;

    /**
     * The broker aborts a transaction left open this many publish timeouts, so that a crashed instance does not hold
     * back read_committed consumers for the broker's default of a minute.
     */
    private static final int TRANSACTION_TIMEOUTS_PER_PUBLISH_TIMEOUT = 2;

    @Bean
    DefaultKafkaProducerFactory<String, SpecificRecord> declineProducerFactory(
            KafkaProperties kafkaProperties, ReferralApiProperties properties) {
        long publishTimeout = properties.publishTimeout().toMillis();
        Map<String, Object> producer = new HashMap<>(kafkaProperties.buildProducerProperties());
        // Every blocking step (metadata, initTransactions, send, commit) gives up after the publish timeout.
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, publishTimeout);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) publishTimeout);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) publishTimeout);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, NO_LINGER);
        producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                (int) (publishTimeout * TRANSACTION_TIMEOUTS_PER_PUBLISH_TIMEOUT));
        DefaultKafkaProducerFactory<String, SpecificRecord> factory = new DefaultKafkaProducerFactory<>(producer);
        factory.setTransactionIdPrefix(properties.transactionIdPrefix() + UUID.randomUUID() + "-");
        return factory;
    }

    @Bean
    KafkaTemplate<String, SpecificRecord> declineTemplate(
            DefaultKafkaProducerFactory<String, SpecificRecord> declineProducerFactory) {
        KafkaTemplate<String, SpecificRecord> template = new KafkaTemplate<>(declineProducerFactory);
        // As Boot's own template (spring.kafka.template.observation-enabled): a span per send, and the HTTP
        // request's W3C trace in each record's traceparent header, for the processor and the worker to continue.
        template.setObservationEnabled(true);
        return template;
    }
}
