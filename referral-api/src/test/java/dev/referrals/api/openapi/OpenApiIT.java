package dev.referrals.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document at {@code /v3/api-docs} describes every endpoint and its answers. */
class OpenApiIT extends ApiIntegrationTest {

    @Test
    void theDocumentListsEveryEndpoint() {
        ApiClient.Answer answer = api.get("/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.json().get("paths");
        assertThat(names(paths)).containsExactlyInAnyOrder(
                "/api/v1/invitations/{invitationId}/decline",
                "/api/v1/referral-requests/{requestId}",
                "/api/v1/freelancers/{id}/referrals",
                "/api/v1/jobs/{jobId}/invitations",
                "/api/v1/freelancers");
        assertThat(names(paths.get("/api/v1/invitations/{invitationId}/decline"))).containsExactly("post");
        assertThat(paths.get("/api/v1/referral-requests/{requestId}").has("get")).isTrue();
        assertThat(paths.get("/api/v1/freelancers/{id}/referrals").has("get")).isTrue();
        assertThat(paths.get("/api/v1/jobs/{jobId}/invitations").has("get")).isTrue();
        assertThat(paths.get("/api/v1/freelancers").has("get")).isTrue();
    }

    @Test
    void theDeclineDocumentsEveryAnswerItGivesAndTheIdempotencyKey() {
        JsonNode decline = api.get("/v3/api-docs").json()
                .get("paths").get("/api/v1/invitations/{invitationId}/decline").get("post");

        assertThat(names(decline.get("responses"))).contains("202", "400", "409", "413", "422", "503");
        assertThat(decline.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
        List<String> parameters = new ArrayList<>();
        decline.get("parameters").forEach(parameter -> parameters.add(parameter.get("name").asString()));
        assertThat(parameters).contains("invitationId", "Idempotency-Key");
        assertThat(decline.get("requestBody").get("content").has("application/json")).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
