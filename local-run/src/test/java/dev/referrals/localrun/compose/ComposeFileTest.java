package dev.referrals.localrun.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started here (no Docker engine); CI validates its syntax with
 * {@code docker-compose config}. This test checks what the syntax check cannot: every piece is there, every
 * long-running container has a health check, every service starts only after what it needs is healthy, and the
 * Keycloak realm issues the tokens the services are configured to trust.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Path REALM_FILE = Path.of("..", "docker", "keycloak", "referrals-realm.json");
    private static final Path DEMO_SEED = Path.of("src", "main", "resources", "seed", "demo.yml");
    private static final String[] SERVICES = {"referral-api", "referral-processor", "notification-worker"};
    private static final String KEYCLOAK_HOSTNAME = "http://keycloak:8080";
    private static final String REALM = "referrals";
    private static final String AUDIENCE = "referrals";

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void theStackHasKafkaTheRegistryPostgresAMailCatcherKeycloakAndTheThreeServices() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services).containsKeys("kafka", "schema-registry", "schema-registrar", "postgres", "mailpit",
                "keycloak", "referral-api", "referral-processor", "notification-worker");
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
        for (String name : SERVICES) {
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) services().get(name).get("depends_on");
            assertThat(dependsOn).as(name)
                    .containsKeys("kafka", "schema-registry", "postgres", "schema-registrar", "keycloak");
            dependsOn.forEach((dependency, condition) -> assertThat(condition.get("condition")).as(name + " on "
                    + dependency).isIn("service_healthy", "service_completed_successfully"));
            assertThat(services().get(name).get("build")).as(name).asString().contains("target=" + name);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void keycloakImportsTheReferralsRealmAndIssuesTheTokensTheServicesTrust() throws IOException {
        Map<String, Object> keycloak = services().get("keycloak");

        assertThat(keycloak.get("image")).asString().startsWith("quay.io/keycloak/keycloak:26.");
        assertThat((List<String>) keycloak.get("command")).containsExactly("start-dev", "--import-realm");
        assertThat((List<String>) keycloak.get("volumes")).contains("./docker/keycloak:/opt/keycloak/data/import:ro");
        Map<String, Object> environment = (Map<String, Object>) keycloak.get("environment");
        String issuer = KEYCLOAK_HOSTNAME + "/realms/" + REALM;
        assertThat(environment).as("every token's iss is the services' issuer")
                .containsEntry("KC_HOSTNAME", KEYCLOAK_HOSTNAME).containsEntry("KC_HEALTH_ENABLED", "true");
        for (String name : SERVICES) {
            assertThat((Map<String, Object>) services().get(name).get("environment")).as(name)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer)
                    .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", AUDIENCE);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRealmHoldsTheServiceClientsTheCliTheScopesTheAudienceAndOneUserPerDemoAccount() throws IOException {
        // JSON is YAML, so one parser reads both.
        Map<String, Object> realm = new Yaml().load(Files.readString(REALM_FILE));
        assertThat(realm).containsEntry("realm", REALM);
        Map<String, Map<String, Object>> scopes = byKey((List<Map<String, Object>>) realm.get("clientScopes"), "name");
        Map<String, Map<String, Object>> clients = byKey((List<Map<String, Object>>) realm.get("clients"), "clientId");

        assertThat(scopes).containsKeys("basic", "referrals:decline", "referrals:read", "referrals:ops");
        assertThat(mappers(scopes.get("basic"))).as("a realm that lists its scopes brings sub itself")
                .anySatisfy(mapper -> assertThat(mapper).containsEntry("protocolMapper", "oidc-sub-mapper"));
        String audienceScope = scopes.values().stream()
                .filter(scope -> mappers(scope).stream().anyMatch(ComposeFileTest::addsTheAudienceToAccessTokens))
                .map(scope -> (String) scope.get("name")).findFirst().orElseThrow();
        assertThat((List<String>) realm.get("defaultDefaultClientScopes")).contains("basic", audienceScope);

        assertThat(clients).containsOnlyKeys("job-services", "ops-console", "referrals-cli");
        assertConfidentialServiceClient(clients.get("job-services"), audienceScope, "referrals:decline",
                "referrals:read");
        assertConfidentialServiceClient(clients.get("ops-console"), audienceScope, "referrals:ops");
        Map<String, Object> cli = clients.get("referrals-cli");
        assertThat(cli).containsEntry("publicClient", true).containsEntry("standardFlowEnabled", true)
                .containsEntry("serviceAccountsEnabled", false).containsEntry("directAccessGrantsEnabled", false);
        assertThat((Map<String, Object>) cli.get("attributes")).containsEntry("pkce.code.challenge.method", "S256");
        assertThat((List<String>) cli.get("defaultClientScopes")).contains("basic", audienceScope)
                .doesNotContain("referrals:decline", "referrals:read", "referrals:ops");

        Map<String, Object> seed = new Yaml().load(Files.readString(DEMO_SEED));
        List<Object> accountIds = ((List<Map<String, Object>>) seed.get("accounts")).stream()
                .map(account -> account.get("id")).toList();
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.get("users");
        assertThat(users).extracting(user -> user.get("username")).containsExactlyInAnyOrderElementsOf(accountIds);
        // Keycloak's sub is the user id, so a user's token names their marketplace account.
        assertThat(users).allSatisfy(user -> assertThat(user.get("id")).isEqualTo(user.get("username")));
    }

    @SuppressWarnings("unchecked")
    private static void assertConfidentialServiceClient(Map<String, Object> client, String audienceScope,
                                                        String... scopes) {
        assertThat(client).containsEntry("publicClient", false).containsEntry("serviceAccountsEnabled", true)
                .containsEntry("standardFlowEnabled", false).containsEntry("clientAuthenticatorType", "client-secret");
        assertThat(client.get("secret")).asString().contains("demo");
        assertThat((List<String>) client.get("defaultClientScopes")).contains("basic", audienceScope)
                .filteredOn(scope -> scope.startsWith("referrals:")).containsExactlyInAnyOrder(scopes);
    }

    @SuppressWarnings("unchecked")
    private static boolean addsTheAudienceToAccessTokens(Map<String, Object> mapper) {
        Map<String, Object> config = (Map<String, Object>) mapper.get("config");
        return "oidc-audience-mapper".equals(mapper.get("protocolMapper"))
                && AUDIENCE.equals(config.get("included.custom.audience"))
                && "true".equals(config.get("access.token.claim"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mappers(Map<String, Object> scope) {
        return (List<Map<String, Object>>) scope.getOrDefault("protocolMappers", List.of());
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> items, String key) {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        items.forEach(item -> byKey.put((String) item.get(key), item));
        return byKey;
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
