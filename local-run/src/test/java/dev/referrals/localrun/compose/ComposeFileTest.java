package dev.referrals.localrun.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine); CI validates its syntax with
 * {@code docker-compose config}. This test checks what the syntax check cannot: every piece is there, every
 * long-running container has a health check, and every service starts only after what it needs is healthy.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void theStackHasKafkaTheRegistryPostgresAMailCatcherAndTheThreeServices() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services).containsKeys("kafka", "schema-registry", "schema-registrar", "postgres", "mailpit",
                "referral-api", "referral-processor", "notification-worker");
        assertThat(services.get("kafka").get("image")).asString().startsWith("apache/kafka:");
        assertThat(services.get("schema-registry").get("image")).asString()
                .startsWith("confluentinc/cp-schema-registry:");
        assertThat(services.get("kafka").get("environment")).asString().contains("KAFKA_PROCESS_ROLES=broker,controller");
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() throws IOException {
        services().forEach((name, service) -> {
            if (!"schema-registrar".equals(name)) {
                assertThat(service).as(name).containsKey("healthcheck");
            }
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServicesStartOnlyAfterTheirDependenciesAreHealthyAndTheSchemasAreRegistered() throws IOException {
        for (String name : new String[] {"referral-api", "referral-processor", "notification-worker"}) {
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) services().get(name).get("depends_on");
            assertThat(dependsOn).as(name).containsKeys("kafka", "schema-registry", "postgres", "schema-registrar");
            dependsOn.forEach((dependency, condition) -> assertThat(condition.get("condition")).as(name + " on "
                    + dependency).isIn("service_healthy", "service_completed_successfully"));
            assertThat(services().get(name).get("build")).as(name).asString().contains("target=" + name);
        }
    }

    @Test
    void prometheusScrapesEveryServiceAndGrafanaShowsTheDashboardFromTheRepository() throws IOException {
        Map<String, Map<String, Object>> services = services();
        assertThat(services).containsKeys("prometheus", "grafana");

        String scrape = Files.readString(Path.of("..", "docker", "prometheus", "prometheus.yml"));
        assertThat(scrape).contains("/actuator/prometheus")
                .contains("referral-api:9080", "referral-processor:9082", "notification-worker:9083");

        String dashboard = Files.readString(Path.of("..", "docker", "grafana", "dashboards", "referrals.json"));
        assertThat(dashboard).contains("referrals_consumer_lag_records", "referrals_consumer_lag_seconds",
                "referrals_decisions_total", "referrals_deadletters_records", "referrals_decision_latency_seconds_bucket",
                "referrals_end_to_end_latency_seconds_bucket");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExampleAlertsCoverLagStopStallAndDeadLetters() throws IOException {
        Map<String, Object> rules = new Yaml().load(
                Files.readString(Path.of("..", "docker", "prometheus", "alerts.yml")));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
        List<Object> alerts = ((List<Map<String, Object>>) groups.get(0).get("rules")).stream()
                .map(rule -> rule.get("alert")).toList();

        assertThat(alerts).containsExactlyInAnyOrder(
                "ConsumerLagHigh", "ConsumerGroupStopped", "ConsumerGroupStalled", "DeadLetterTopicNotEmpty");
    }
}
