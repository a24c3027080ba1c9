package dev.referrals.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.schemas.registry.SchemaRegistryClientConfig;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The readiness checks of Kafka and the registry: UP against the real ones, DOWN where nothing listens. */
@LocalStackTest
class DependencyHealthIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String NOTHING_LISTENS = "localhost:1";

    @Test
    void kafkaIsUpWhileTheBrokerAnswersAndDownWhenItDoesNot(LocalStack stack) {
        try (KafkaHealthIndicator up = new KafkaHealthIndicator(
                Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrapServers())), TIMEOUT);
             KafkaHealthIndicator down = new KafkaHealthIndicator(
                     Admin.create(Map.of("bootstrap.servers", NOTHING_LISTENS)), TIMEOUT)) {
            assertThat(up.health().getStatus()).isEqualTo(Status.UP);
            assertThat(up.health().getDetails()).containsEntry("brokers", 1);
            assertThat(down.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void theRegistryIsUpWhileItAnswersAndDownWhenItDoesNot(LocalStack stack) {
        try (SchemaRegistryHealthIndicator up = new SchemaRegistryHealthIndicator(SchemaRegistryClients.fromConfig(
                Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl().orElseThrow())));
             SchemaRegistryHealthIndicator down = new SchemaRegistryHealthIndicator(SchemaRegistryClients.fromConfig(
                     Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, "http://" + NOTHING_LISTENS,
                             SchemaRegistryClientConfig.MAX_RETRIES, 0)))) {
            assertThat(up.health().getStatus()).isEqualTo(Status.UP);
            assertThat(down.health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void aDownRegistryIsReportedWithoutTheCredentialsOfItsUrl() {
        try (SchemaRegistryHealthIndicator down = new SchemaRegistryHealthIndicator(SchemaRegistryClients.fromConfig(
                Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, "http://svc:hunter2@" + NOTHING_LISTENS,
                        SchemaRegistryClientConfig.ALLOW_CREDENTIALS_OVER_HTTP, true,
                        SchemaRegistryClientConfig.MAX_RETRIES, 0)))) {
            Health health = down.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKey("error");
            assertThat(health.getDetails().toString()).doesNotContain("hunter2");
        }
    }
}
