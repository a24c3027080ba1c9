package dev.referrals.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

class ReferralApiApplicationHealthIT extends ApiIntegrationTest {

    @Test
    void startsAgainstTheLocalStackAndReportsHealthUp() {
        ApiClient.Answer health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void readinessCoversEveryDependencyAndLivenessOnlyTheProcessItself() {
        ApiClient.Answer readiness = api.get("/actuator/health/readiness");
        ApiClient.Answer liveness = api.get("/actuator/health/liveness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).containsPattern(componentUp("kafka"));
        assertThat(readiness.body()).containsPattern(componentUp("schemaRegistry"));
        assertThat(readiness.body()).containsPattern(componentUp("db"));
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("kafka");
    }

    @Test
    void servesPrometheusMetricsAndTheConsumerLagAndDeadLetterEndpoints() {
        assertThat(api.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/consumerlag").body()).startsWith("{\"groups\":");
        assertThat(api.get("/actuator/deadletters").body()).contains("referrals.referral-requested-dlt");
    }

    /** The component in a health answer, with its details if any, and status UP. */
    private static String componentUp(String name) {
        return "\"" + name + "\":\\{(\"details\":\\{[^}]*\\},)?\"status\":\"UP\"";
    }
}
