package dev.referrals.api.decline;

import static dev.referrals.api.support.ApiClient.json;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every validation rule answers 400 {@code application/problem+json} naming the bad field, and nothing reaches
 * Kafka: not even an uncommitted record (the topics are read read_uncommitted).
 */
class DeclineValidationIT extends ApiIntegrationTest {

    private static final String LONG_TEXT = "x".repeat(2001);

    static Stream<Arguments> invalidDeclines() {
        return Stream.of(
                invalid("a profile URL on another host",
                        referral("'freelancer': 'https://marketplace.evil.example/freelancers/ana'"),
                        "referral.freelancer"),
                invalid("a marketplace URL that is not a profile",
                        referral("'freelancer': 'https://marketplace.example/jobs/ana'"), "referral.freelancer"),
                invalid("a profile URL that is not absolute",
                        referral("'freelancer': 'marketplace.example/freelancers/ana'"), "referral.freelancer"),
                invalid("a profile URL that is not http(s)",
                        referral("'freelancer': 'ftp://marketplace.example/freelancers/ana'"), "referral.freelancer"),
                invalid("a profile URL with user info",
                        referral("'freelancer': 'https://ana@marketplace.example/freelancers/ana'"),
                        "referral.freelancer"),
                invalid("an email without a domain", referral("'freelancer': 'ana@localhost'"),
                        "referral.freelancer"),
                invalid("an email with two @", referral("'freelancer': 'ana@@mail.example'"), "referral.freelancer"),
                invalid("an email with a space", referral("'freelancer': 'ana lima@mail.example'"),
                        "referral.freelancer"),
                invalid("a referral naming nobody", referral("'message': 'hello'"), "referral.freelancer"),
                invalid("a blank referee", referral("'freelancer': '  '"), "referral.freelancer"),
                invalid("a message over the limit",
                        referral("'freelancer': 'ana@mail.example', 'message': '" + LONG_TEXT + "'"),
                        "referral.message"),
                invalid("a reason text over the limit",
                        "{'jobId': '%s', 'clientId': 'c', 'freelancerId': 'f', 'reasonText': '" + LONG_TEXT + "'}",
                        "reasonText"),
                invalid("no jobId", "{'clientId': 'c', 'freelancerId': 'f'}", "jobId"),
                invalid("a blank clientId", "{'jobId': '%s', 'clientId': ' ', 'freelancerId': 'f'}", "clientId"),
                invalid("no freelancerId", "{'jobId': '%s', 'clientId': 'c'}", "freelancerId"),
                invalid("an unknown reason", "{'jobId': '%s', 'clientId': 'c', 'freelancerId': 'f', 'reason': 'BORED'}",
                        "reason"),
                invalid("the reason UNKNOWN, which only stands for none",
                        "{'jobId': '%s', 'clientId': 'c', 'freelancerId': 'f', 'reason': 'UNKNOWN'}", "reason"),
                invalid("an unknown property",
                        "{'jobId': '%s', 'clientId': 'c', 'freelancerId': 'f', 'jobTitle': 'Logo'}", "jobTitle"),
                invalid("an unknown property inside the referral",
                        referral("'freelancer': 'ana@mail.example', 'note': 'x'"), "referral.note"),
                invalid("a property of the wrong type",
                        "{'jobId': {'id': '%s'}, 'clientId': 'c', 'freelancerId': 'f'}", "jobId"),
                invalid("malformed JSON", "{'jobId': '%s', 'clientId': 'c', 'freelancerId': ", "body"),
                invalid("no body at all", "", "body"),
                invalid("every field wrong at once",
                        "{'jobId': '%s', 'clientId': '', 'reason': 'BORED', 'reasonText': '" + LONG_TEXT + "', "
                                + "'referral': {'freelancer': 'https://elsewhere.example/freelancers/x', "
                                + "'message': '" + LONG_TEXT + "'}}",
                        "clientId", "freelancerId", "reason", "reasonText", "referral.freelancer",
                        "referral.message"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeclines")
    void anInvalidDeclineIsRefusedWith400NamingEachBadFieldAndPublishesNothing(
            String rule, String bodyTemplate, List<String> badFields) {
        String jobId = id("job");
        String body = bodyTemplate.contains("%s") ? json(bodyTemplate.formatted(jobId)) : json(bodyTemplate);

        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-bad/decline", body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:referrals:problem:invalid-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/invitations/inv-bad/decline");
        assertThat(fields(problem)).containsExactlyInAnyOrderElementsOf(badFields);
        assertThat(problem.get("errors")).allSatisfy(error -> assertThat(error.get("message").asString()).isNotBlank());
        assertNothingPublishedFor(jobId);
    }

    @Test
    void anIdempotencyKeyOverTheLimitIsRefusedNamingTheHeader() {
        String jobId = id("job");

        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-bad/decline", DeclineBodies.withoutReferral(jobId),
                "Idempotency-Key", "k".repeat(256));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactly("Idempotency-Key");
        assertNothingPublishedFor(jobId);
    }

    @Test
    void anEmptyIdempotencyKeyIsRefusedNamingTheHeader() {
        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-bad/decline",
                DeclineBodies.withoutReferral(id("job")), "Idempotency-Key", " ");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactly("Idempotency-Key");
    }

    @Test
    void aProblemIsAlsoServedToCallersThatAcceptOnlyJson() {
        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-bad/decline", json("{'jobId': 'j'}"),
                "Accept", "application/json");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactlyInAnyOrder("clientId", "freelancerId");
    }

    private void assertNothingPublishedFor(String jobId) {
        assertThat(events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_UNCOMMITTED,
                declined -> jobId.equals(declined.getJobId()))).isEmpty();
        assertThat(events.values(Topics.REFERRAL_REQUESTED, IsolationLevel.READ_UNCOMMITTED,
                requested -> jobId.equals(requested.getJobId()))).isEmpty();
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static String referral(String referralProperties) {
        return "{'jobId': '%s', 'clientId': 'c', 'freelancerId': 'f', 'referral': {" + referralProperties + "}}";
    }

    private static Arguments invalid(String rule, String bodyTemplate, String... badFields) {
        return Arguments.of(rule, bodyTemplate, List.of(badFields));
    }
}
