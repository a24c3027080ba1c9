package dev.referrals.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.localstack.auth.LocalIdentities;
import org.junit.jupiter.api.Test;

/** Actuator on the management port: health and prometheus open to the platform, the rest for ops tokens only. */
class ReferralApiApplicationHealthIT extends ApiIntegrationTest {

    @Test
    void startsAgainstTheLocalStackAndReportsHealthUpWithoutATokenAndWithoutDetails() {
        ApiClient.Answer health = management.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("kafka");
    }

    @Test
    void readinessCoversEveryDependencyAndLivenessOnlyTheProcessItself() {
        ApiClient ops = management.as(tokens.serviceToken(LocalIdentities.OPS_CONSOLE));
        ApiClient.Answer readiness = ops.get("/actuator/health/readiness");
        ApiClient.Answer liveness = ops.get("/actuator/health/liveness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).containsPattern(componentUp("kafka"));
        assertThat(readiness.body()).containsPattern(componentUp("schemaRegistry"));
        assertThat(readiness.body()).containsPattern(componentUp("db"));
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("kafka");
    }

    @Test
    void servesPrometheusWithoutATokenAndTheConsumerLagAndDeadLettersOnlyToOps() {
        ApiClient ops = management.as(tokens.serviceToken(LocalIdentities.OPS_CONSOLE));

        assertThat(management.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(ops.get("/actuator/consumerlag").body()).startsWith("{\"groups\":");
        assertThat(ops.get("/actuator/deadletters").body()).contains("referrals.referral-requested-dlt");
    }

    @Test
    void theOpsEndpointsAnswer401WithoutATokenAnd403ToANonOpsCaller() {
        ApiClient jobServices = management.as(tokens.serviceToken(LocalIdentities.JOB_SERVICES));
        ApiClient user = management.as(tokens.userToken("ana"));

        for (String endpoint : new String[] {"/actuator/consumerlag", "/actuator/deadletters", "/actuator/metrics"}) {
            ApiClient.Answer anonymous = management.get(endpoint);
            assertThat(anonymous.status()).as(endpoint).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
            for (ApiClient notOps : new ApiClient[] {jobServices, user}) {
                ApiClient.Answer forbidden = notOps.get(endpoint);
                assertThat(forbidden.status()).as(endpoint).isEqualTo(403);
                assertThat(forbidden.contentType()).startsWith("application/problem+json");
                assertThat(forbidden.header("WWW-Authenticate")).contains("insufficient_scope");
            }
        }
    }

    @Test
    void actuatorIsNotServedOnTheApiPort() {
        assertThat(api.get("/actuator/health").status()).isEqualTo(404);
    }

    /** The component in a health answer, with its details if any, and status UP. */
    private static String componentUp(String name) {
        return "\"" + name + "\":\\{(\"details\":\\{[^}]*\\},)?\"status\":\"UP\"";
    }
}
