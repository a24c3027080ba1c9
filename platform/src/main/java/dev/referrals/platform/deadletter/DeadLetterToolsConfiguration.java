package dev.referrals.platform.deadletter;

import dev.referrals.platform.lag.LagProperties;
import dev.referrals.schemas.TopicNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import dev.referrals.schemas.serde.AvroDeserializer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/** The dead-letter browser and its actuator endpoint, on every service. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({LagProperties.class, DeadLetterProperties.class})
public class DeadLetterToolsConfiguration {

    @Bean
    public DeadLetterBrowser deadLetterBrowser(KafkaProperties kafka, TopicNamespace namespace) {
        Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Dead letters are never written in a transaction, so there is nothing to skip; reading uncommitted also lets
        // the counts come from plain end offsets.
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        Map<String, Object> producerConfig = new HashMap<>(kafka.buildProducerProperties());
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        AvroDeserializer values = new AvroDeserializer();
        values.configure(kafka.buildConsumerProperties(), false);
        Map<String, Object> adminConfig = withClientId(kafka.buildAdminProperties(), "dead-letter-counts");
        return new DeadLetterBrowser(namespace, Admin.create(adminConfig),
                () -> new KafkaConsumer<>(withClientId(consumerConfig, "dead-letter-browser"),
                        new StringDeserializer(), new ByteArrayDeserializer()),
                () -> new KafkaProducer<>(withClientId(producerConfig, "dead-letter-redrive"),
                        new StringSerializer(), new ByteArraySerializer()),
                values);
    }

    @Bean
    @ConditionalOnAvailableEndpoint(endpoint = DeadLetterEndpoint.class)
    public DeadLetterEndpoint deadLetterEndpoint(DeadLetterBrowser browser, DeadLetterProperties properties) {
        return new DeadLetterEndpoint(browser, properties);
    }

    @Bean
    public DeadLetterGauges deadLetterGauges(DeadLetterBrowser browser, LagProperties lag, MeterRegistry meters) {
        return new DeadLetterGauges(browser, lag.interval(), meters);
    }

    private static Map<String, Object> withClientId(Map<String, Object> config, String purpose) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.put(ConsumerConfig.CLIENT_ID_CONFIG, purpose + "-" + UUID.randomUUID());
        return copy;
    }
}
