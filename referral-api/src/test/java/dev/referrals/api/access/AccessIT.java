package dev.referrals.api.access;

import static dev.referrals.api.support.ApiClient.json;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.marketplace.Job;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who may do what (README, "Identity and access"), over HTTP with real tokens from the local authorization server:
 * a user acts only as themselves, a trusted service within its scopes, and every refusal is a problem.
 */
class AccessIT extends ApiIntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);
    /** ApiIntegrationTest's limit per minute, so the test does not race the period. */
    private static final int USER_SEARCHES_PER_PERIOD = 10;

    @Test
    void aFreelancerDeclinesTheirOwnInvitationButNotAnotherFreelancersAnswered403() {
        String ana = id("ana");
        ApiClient asAna = api.as(tokens.userToken(ana));

        assertThat(asAna.post(declinePath(), declineBody(id("job"), ana)).status()).isEqualTo(202);

        ApiClient.Answer asSomeoneElse = asAna.post(declinePath(), declineBody(id("job"), id("ben")));
        assertForbidden(asSomeoneElse);
    }

    @Test
    void aServiceTokenWithoutTheDeclineScopeCannotDeclineForAnyone() {
        ApiClient readOnly = api.as(tokens.serviceToken(LocalIdentities.JOB_SERVICES,
                Set.of(LocalIdentities.SCOPE_READ)));

        assertForbidden(readOnly.post(declinePath(), declineBody(id("job"), id("ana"))));
    }

    @Test
    void aFreelancerReadsTheirOwnReferralsViewsButNotAnotherFreelancers() {
        String ana = id("ana");
        ApiClient asAna = api.as(tokens.userToken(ana));

        assertThat(asAna.get("/api/v1/freelancers/" + ana + "/referrals?role=referrer").status()).isEqualTo(200);
        assertThat(asAna.get("/api/v1/freelancers/" + ana + "/referrals?role=referee").status()).isEqualTo(200);
        assertForbidden(asAna.get("/api/v1/freelancers/" + id("ben") + "/referrals?role=referrer"));
        assertForbidden(asAna.get("/api/v1/freelancers/" + id("ben") + "/referrals?role=referee"));
    }

    @Test
    void aReferrerReadsTheStatusOfTheirOwnRequestButNoOtherUserDoes() {
        String ana = id("ana");
        ApiClient asAna = api.as(tokens.userToken(ana));
        String requestId = asAna.post(declinePath(), declineBody(id("job"), ana)).json().get("requestId").asString();
        String status = "/api/v1/referral-requests/" + requestId;

        await().atMost(PROJECTED).until(() -> asAna.get(status).status() == 200);
        assertForbidden(api.as(tokens.userToken(id("ben"))).get(status));
        assertThat(api.get(status).status()).as("a trusted service reads every request").isEqualTo(200);
    }

    @Test
    void onlyTheJobsClientListsItsInvitations() {
        String jobId = id("job");
        String client = id("client");
        events.publish(Topics.JOBS, jobId, job(jobId, client));
        ApiClient asClient = api.as(tokens.userToken(client));
        String invitations = "/api/v1/jobs/" + jobId + "/invitations";

        await().atMost(PROJECTED).until(() -> asClient.get(invitations).status() == 200);
        assertForbidden(api.as(tokens.userToken(id("other-client"))).get(invitations));
        assertForbidden(asClient.get("/api/v1/jobs/" + id("unknown-job") + "/invitations"));
        assertThat(api.get(invitations).status()).as("a trusted service reads every job").isEqualTo(200);
    }

    @Test
    void theSameIdempotencyKeyFromTwoCallersIsTwoKeys() {
        String key = id("key");
        String ana = id("ana");
        String ben = id("ben");

        ApiClient.Answer first = api.as(tokens.userToken(ana)).post(declinePath(), declineBody(id("job"), ana),
                "Idempotency-Key", key);
        ApiClient.Answer second = api.as(tokens.userToken(ben)).post(declinePath(), declineBody(id("job"), ben),
                "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).as(second.toString()).isEqualTo(202);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.json().get("eventId").asString()).isNotEqualTo(first.json().get("eventId").asString());
    }

    @Test
    void searchNeedsAtLeastTwoCharacters() {
        ApiClient.Answer tooShort = api.get("/api/v1/freelancers?q=a");

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(api.get("/api/v1/freelancers?q=an").status()).isEqualTo(200);
    }

    @Test
    void aUserOverTheSearchLimitIsAnswered429WithRetryAfter() {
        ApiClient asAna = api.as(tokens.userToken(id("ana")));
        ApiClient.Answer answer = null;
        for (int i = 0; i <= USER_SEARCHES_PER_PERIOD; i++) {
            answer = asAna.get("/api/v1/freelancers?q=an");
        }

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:referrals:problem:rate-limited");
        assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
        assertThat(api.as(tokens.userToken(id("ben"))).get("/api/v1/freelancers?q=an").status())
                .as("another caller has limits of their own").isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentNeedsAToken() {
        assertThat(api.anonymous().get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    }

    private static void assertForbidden(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:referrals:problem:forbidden");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\"");
    }

    private static String declinePath() {
        return "/api/v1/invitations/" + id("inv") + "/decline";
    }

    private static String declineBody(String jobId, String freelancerId) {
        return json("""
                {'jobId': '%s', 'clientId': 'client-1', 'freelancerId': '%s',
                 'referral': {'freelancer': 'someone@mail.example'}}
                """.formatted(jobId, freelancerId));
    }

    private static Job job(String jobId, String clientId) {
        return Job.newBuilder().setJobId(jobId).setClientId(clientId).setTitle("A job")
                .setVisibility(JobVisibility.PUBLIC).setStatus(JobStatus.OPEN).setUpdatedAt(Instant.now()).build();
    }
}
