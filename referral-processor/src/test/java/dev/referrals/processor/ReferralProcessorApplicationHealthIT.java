package dev.referrals.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ProcessorIntegrationTest
class ReferralProcessorApplicationHealthIT {

    @LocalServerPort
    private int port;

    @Autowired
    private TopicNamespace namespace;

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

    @Test
    void deadLettersAreServedAPageAtATimeAndARedriveToAnotherTopicIsAForbiddenProblem() throws Exception {
        String deadLetterTopic = namespace.deadLetterTopic(Topics.REFERRAL_REQUESTED);

        HttpResponse<String> page = get("/actuator/deadletters/" + deadLetterTopic + "?page=0&size=5&reveal=false");
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/deadletters/" + deadLetterTopic))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"target\":\"" + namespace.name(Topics.REFERRAL_CREATED)
                        + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"page\":0", "\"size\":5", "\"redacted\":true", "\"records\":[]");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"title\":\"Redrive refused\"", "\"status\":403");
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
