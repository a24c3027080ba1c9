package dev.referrals.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@ProcessorIntegrationTest
class ReferralProcessorApplicationHealthIT {

    @LocalServerPort
    private int port;

    @Test
    void startsAgainstTheLocalStackAndReportsHealthUp() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void readinessCoversEveryDependencyAndLivenessOnlyTheProcessItself() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        HttpResponse<String> liveness = get("/actuator/health/liveness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).containsPattern(componentUp("kafka"));
        assertThat(readiness.body()).containsPattern(componentUp("schemaRegistry"));
        assertThat(readiness.body()).containsPattern(componentUp("db"));
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("kafka");
    }

    @Test
    void servesPrometheusMetricsAndTheConsumerLagAndDeadLetterEndpoints() throws Exception {
        assertThat(get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(get("/actuator/consumerlag").body()).startsWith("{\"groups\":");
        assertThat(get("/actuator/deadletters").body()).contains("referrals.referral-requested-dlt");
    }

    /** The component in a health answer, with its details if any, and status UP. */
    private static String componentUp(String name) {
        return "\"" + name + "\":\\{(\"details\":\\{[^}]*\\},)?\"status\":\"UP\"";
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
