package dev.referrals.platform.health;

import dev.referrals.schemas.registry.SchemaRegistryClientConfig;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * Health of the two dependencies Spring Boot does not check itself: the Kafka broker and the schema registry.
 * PostgreSQL ({@code db}) and SMTP ({@code mail}) come from Boot. The readiness group in the platform defaults
 * includes all four where a service has them.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
public class HealthAutoConfiguration {

    /** Short enough that a probe answers before its own timeout. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private static final int CHECK_RETRIES = 0;

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    public KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(Admin.create(kafka.buildAdminProperties()), CHECK_TIMEOUT);
    }

    @Bean(name = "schemaRegistryHealthIndicator")
    @ConditionalOnMissingBean(name = "schemaRegistryHealthIndicator")
    public SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        // A probe must answer fast: one try, no back-off.
        config.put(SchemaRegistryClientConfig.MAX_RETRIES, CHECK_RETRIES);
        config.put(SchemaRegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS, (int) CHECK_TIMEOUT.toMillis());
        config.put(SchemaRegistryClientConfig.HTTP_READ_TIMEOUT_MS, (int) CHECK_TIMEOUT.toMillis());
        return new SchemaRegistryHealthIndicator(SchemaRegistryClients.fromConfig(config));
    }
}
