package dev.referrals.api.referrals;

import static dev.referrals.api.support.Events.at;
import static dev.referrals.api.support.Events.created;
import static dev.referrals.api.support.Events.id;
import static dev.referrals.api.support.Events.rejected;
import static dev.referrals.api.support.Events.requested;
import static dev.referrals.api.support.Events.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.events.ReferralStatus;
import dev.referrals.events.RejectionReason;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/freelancers/{id}/referrals}: the Referrals view of a referrer and of a referee (R11), built
 * from the topics, with paging.
 */
class FreelancerReferralsIT extends ApiIntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    @Test
    void aReferrerSeesEachReferralGivenWithWhatBecameOfIt() {
        String referrer = id("referrer");
        String referee = id("referee");
        String pendingJob = id("job");
        String rejectedJob = id("job");
        String createdJob = id("job");
        String pending = id("request");
        String rejectedRequest = id("request");
        String createdRequest = id("request");
        String referralId = id("referral");

        events.publish(Topics.REFERRAL_REQUESTED, pendingJob, requested(pending, pendingJob, referrer, at(30)));
        events.publish(Topics.REFERRAL_REQUESTED, rejectedJob,
                requested(rejectedRequest, rejectedJob, referrer, at(20)));
        events.publish(Topics.REFERRAL_REJECTED, rejectedJob,
                rejected(rejectedRequest, rejectedJob, referrer, RejectionReason.REFEREE_ALREADY_REFERRED, at(21)));
        events.publish(Topics.REFERRAL_REQUESTED, createdJob, requested(createdRequest, createdJob, referrer, at(10)));
        events.publish(Topics.REFERRAL_CREATED, createdJob,
                created(referralId, createdRequest, createdJob, referrer, referee, at(11)));

        JsonNode page = awaitPage(referrer, "referrer", items -> statuses(items).equals(
                List.of("PENDING", "REJECTED", "INVITED")));
        JsonNode items = page.get("items");
        assertThat(items.get(0).get("requestId").asString()).isEqualTo(pending);
        assertThat(items.get(0).has("referralId")).isFalse();
        assertThat(items.get(0).get("message").asString()).isEqualTo("Worth a look");
        assertThat(items.get(0).get("createdAt").asString()).isEqualTo(at(30).toString());
        assertThat(items.get(1).get("reason").asString()).isEqualTo("REFEREE_ALREADY_REFERRED");
        assertThat(items.get(2).get("referralId").asString()).isEqualTo(referralId);
        assertThat(items.get(2).get("refereeId").asString()).isEqualTo(referee);
        assertThat(items.get(2).get("jobId").asString()).isEqualTo(createdJob);
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);

        events.publish(Topics.REFERRAL_STATUS_CHANGED, createdJob,
                statusChanged(referralId, createdJob, referee, ReferralStatus.ACCEPTED, at(40)));
        awaitPage(referrer, "referrer", list -> statuses(list).equals(List.of("PENDING", "REJECTED", "ACCEPTED")));
    }

    @Test
    void aRefereeSeesTheReferralsReceivedWithoutTheMessageWrittenToTheClient() {
        String referee = id("referee");
        String jobId = id("job");
        String referralId = id("referral");
        String requestId = id("request");

        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(referralId, requestId, jobId, "referrer-1", referee, at(1)));

        JsonNode item = awaitPage(referee, "referee", items -> statuses(items).equals(List.of("INVITED")))
                .get("items").get(0);
        assertThat(item.get("referralId").asString()).isEqualTo(referralId);
        assertThat(item.get("requestId").asString()).isEqualTo(requestId);
        assertThat(item.get("referrerId").asString()).isEqualTo("referrer-1");
        assertThat(item.get("refereeId").asString()).isEqualTo(referee);
        assertThat(item.has("message")).isFalse();

        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(referralId, jobId, referee, ReferralStatus.DECLINED, at(2)));
        awaitPage(referee, "referee", items -> statuses(items).equals(List.of("DECLINED")));
    }

    @Test
    void anAnswerThatArrivesBeforeItsReferralIsKeptAndOlderOrRedeliveredAnswersChangeNothing() {
        String referee = id("referee");
        String jobId = id("job");
        String referralId = id("referral");

        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(referralId, jobId, referee, ReferralStatus.ACCEPTED, at(10)));
        events.publish(Topics.REFERRAL_CREATED, jobId, created(referralId, id("request"), jobId, "r", referee, at(1)));
        awaitPage(referee, "referee", items -> statuses(items).equals(List.of("ACCEPTED")));

        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(referralId, jobId, referee, ReferralStatus.DECLINED, at(5)));
        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(referralId, jobId, referee, ReferralStatus.ACCEPTED, at(10)));
        events.publish(Topics.REFERRAL_CREATED, jobId, created(referralId, id("request"), jobId, "r", referee, at(1)));
        // Barrier: a later referral of the same job, on the same partitions, is projected after them.
        String barrier = id("referral");
        events.publish(Topics.REFERRAL_CREATED, jobId, created(barrier, id("request"), jobId, "r", referee, at(20)));
        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(barrier, jobId, referee, ReferralStatus.DECLINED, at(21)));

        awaitPage(referee, "referee", items -> statuses(items).equals(List.of("DECLINED", "ACCEPTED")));
    }

    @Test
    void theViewIsPagedNewestFirst() {
        String referrer = id("referrer");
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String jobId = id("job");
            String requestId = id("request");
            requests.add(requestId);
            events.publish(Topics.REFERRAL_REQUESTED, jobId, requested(requestId, jobId, referrer, at(i)));
        }
        awaitPage(referrer, "referrer", items -> items.size() == 3);

        JsonNode first = get(referrer, "referrer&page=0&size=2").json();
        JsonNode second = get(referrer, "referrer&page=1&size=2").json();

        assertThat(requestIds(first)).containsExactly(requests.get(2), requests.get(1));
        assertThat(requestIds(second)).containsExactly(requests.get(0));
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asLong()).isEqualTo(2);
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void aFreelancerWithoutReferralsHasAnEmptyPage() {
        JsonNode page = get(id("nobody"), "referee").json();

        assertThat(page.get("items").isEmpty()).isTrue();
        assertThat(page.get("totalItems").asLong()).isZero();
        assertThat(page.get("totalPages").asLong()).isZero();
    }

    @Test
    void aMissingOrUnknownRoleAndABadPageAreRefusedNamingEachParameter() {
        Map<String, List<String>> badQueries = Map.of(
                "", List.of("role"),
                "?role=boss", List.of("role"),
                "?role=referrer&page=-1&size=0", List.of("page", "size"),
                "?role=referrer&size=101", List.of("size"),
                "?page=-1", List.of("role", "page"),
                "?role=referrer&page=first", List.of("page"));

        badQueries.forEach((query, fields) -> {
            ApiClient.Answer answer = api.get("/api/v1/freelancers/f-1/referrals" + query);
            assertThat(answer.status()).as(query + " " + answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            List<String> named = new ArrayList<>();
            answer.json().get("errors").forEach(error -> named.add(error.get("field").asString()));
            assertThat(named).as(query).containsExactlyInAnyOrderElementsOf(fields);
        });
    }

    private JsonNode awaitPage(String freelancerId, String role, Predicate<JsonNode> itemsMatch) {
        return await().atMost(PROJECTED).until(() -> get(freelancerId, role).json(),
                page -> itemsMatch.test(page.get("items")));
    }

    private ApiClient.Answer get(String freelancerId, String roleAndPaging) {
        return api.get("/api/v1/freelancers/" + freelancerId + "/referrals?role=" + roleAndPaging);
    }

    private static List<String> statuses(JsonNode items) {
        List<String> statuses = new ArrayList<>();
        items.forEach(item -> statuses.add(item.get("status").asString()));
        return statuses;
    }

    private static List<String> requestIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("requestId").asString()));
        return ids;
    }
}
