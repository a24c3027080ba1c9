package dev.referrals.api.requests;

import static dev.referrals.api.support.Events.at;
import static dev.referrals.api.support.Events.created;
import static dev.referrals.api.support.Events.id;
import static dev.referrals.api.support.Events.rejected;
import static dev.referrals.api.support.Events.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.events.RejectionReason;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/referral-requests/{id}}, built from the events on the topics: PENDING, then CREATED or
 * REJECTED, whatever order the topics deliver them in, and unchanged by redeliveries.
 */
class ReferralRequestStatusIT extends ApiIntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    @Test
    void aRequestIsPendingUntilItsReferralIsCreated() {
        String jobId = id("job");
        String requestId = id("request");
        String referralId = id("referral");

        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "referrer-1", at(0)));
        JsonNode pending = awaitStatus(requestId, "PENDING");
        assertThat(pending.get("jobId").asString()).isEqualTo(jobId);
        assertThat(pending.get("referrerId").asString()).isEqualTo("referrer-1");
        assertThat(pending.get("requestedAt").asString()).isEqualTo(at(0).toString());
        assertThat(pending.has("referralId")).isFalse();

        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(referralId, requestId, jobId, "referrer-1", "referee-1", at(5)));
        JsonNode createdView = awaitStatus(requestId, "CREATED");
        assertThat(createdView.get("referralId").asString()).isEqualTo(referralId);
        assertThat(createdView.get("decidedAt").asString()).isEqualTo(at(5).toString());
        assertThat(createdView.has("reason")).isFalse();
    }

    @Test
    void aRejectedRequestShowsTheRuleThatFailed() {
        String jobId = id("job");
        String requestId = id("request");

        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "referrer-1", at(0)));
        awaitStatus(requestId, "PENDING");
        events.publish(Topics.REFERRAL_REJECTED, jobId,
                rejected(requestId, jobId, "referrer-1", RejectionReason.REFEREE_ALREADY_PROPOSED, at(3)));

        JsonNode view = awaitStatus(requestId, "REJECTED");
        assertThat(view.get("reason").asString()).isEqualTo("REFEREE_ALREADY_PROPOSED");
        assertThat(view.get("decidedAt").asString()).isEqualTo(at(3).toString());
        assertThat(view.has("referralId")).isFalse();
    }

    @Test
    void aDecisionThatArrivesBeforeItsRequestIsNotOverwrittenByPending() {
        String jobId = id("job");
        String requestId = id("request");
        String referralId = id("referral");

        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(referralId, requestId, jobId, "referrer-1", "referee-1", at(5)));
        awaitStatus(requestId, "CREATED");
        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "referrer-1", at(0)));

        // The request filled in what the decision lacked, and left the decision alone.
        JsonNode view = await().atMost(PROJECTED).until(() -> status(requestId).json(),
                json -> json.has("requestedAt"));
        assertThat(view.get("status").asString()).isEqualTo("CREATED");
        assertThat(view.get("referralId").asString()).isEqualTo(referralId);
        assertThat(view.get("requestedAt").asString()).isEqualTo(at(0).toString());
    }

    @Test
    void aRejectionBeforeItsRequestStaysRejected() {
        String jobId = id("job");
        String requestId = id("request");

        events.publish(Topics.REFERRAL_REJECTED, jobId,
                rejected(requestId, jobId, "referrer-1", RejectionReason.JOB_CLOSED, at(5)));
        awaitStatus(requestId, "REJECTED");
        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "referrer-1", at(0)));

        JsonNode view = await().atMost(PROJECTED).until(() -> status(requestId).json(),
                json -> json.has("requestedAt"));
        assertThat(view.get("status").asString()).isEqualTo("REJECTED");
        assertThat(view.get("reason").asString()).isEqualTo("JOB_CLOSED");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String jobId = id("job");
        String requestId = id("request");
        String referralId = id("referral");
        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "referrer-1", at(0)));
        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(referralId, requestId, jobId, "referrer-1", "referee-1", at(5)));
        String before = awaitStatus(requestId, "CREATED").toString();

        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "referrer-1", at(0)));
        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(referralId, requestId, jobId, "referrer-1", "referee-1", at(5)));
        // A second, different decision cannot happen (I2); if it did, the first would still stand.
        events.publish(Topics.REFERRAL_REJECTED, jobId,
                rejected(requestId, jobId, "referrer-1", RejectionReason.JOB_CLOSED, at(9)));
        awaitBarriersOnTheSamePartitions(jobId);

        assertThat(status(requestId).json().toString()).isEqualTo(before);
    }

    @Test
    void aRedeliveredRejectionChangesNothing() {
        String jobId = id("job");
        String requestId = id("request");
        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "referrer-1", at(0)));
        events.publish(Topics.REFERRAL_REJECTED, jobId,
                rejected(requestId, jobId, "referrer-1", RejectionReason.SELF_REFERRAL, at(2)));
        String before = awaitStatus(requestId, "REJECTED").toString();

        events.publish(Topics.REFERRAL_REJECTED, jobId,
                rejected(requestId, jobId, "referrer-1", RejectionReason.SELF_REFERRAL, at(2)));
        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, "referrer-1", at(0)));
        awaitBarriersOnTheSamePartitions(jobId);

        assertThat(status(requestId).json().toString()).isEqualTo(before);
    }

    @Test
    void anUnknownRequestIs404Problem() {
        ApiClient.Answer answer = status(id("request"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:referrals:problem:not-found");
    }

    /**
     * Events of one job go through one partition in order, so once a later event of the same job on each topic is
     * projected, the earlier ones were processed.
     */
    private void awaitBarriersOnTheSamePartitions(String jobId) {
        String requestBarrier = id("barrier");
        String createdBarrier = id("barrier");
        String rejectedBarrier = id("barrier");
        events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestBarrier, jobId, "referrer-2", at(20)));
        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(id("referral"), createdBarrier, jobId, "referrer-3", "referee-3", at(20)));
        events.publish(Topics.REFERRAL_REJECTED, jobId,
                rejected(rejectedBarrier, jobId, "referrer-4", RejectionReason.JOB_CLOSED, at(20)));
        awaitStatus(requestBarrier, "PENDING");
        awaitStatus(createdBarrier, "CREATED");
        awaitStatus(rejectedBarrier, "REJECTED");
    }

    private JsonNode awaitStatus(String requestId, String status) {
        return await().atMost(PROJECTED).until(() -> status(requestId),
                answer -> answer.status() == 200 && status.equals(answer.json().get("status").asString())).json();
    }

    private ApiClient.Answer status(String requestId) {
        return api.get("/api/v1/referral-requests/" + requestId);
    }
}
