package dev.referrals.api.invitations;

import static dev.referrals.api.support.Events.activity;
import static dev.referrals.api.support.Events.at;
import static dev.referrals.api.support.Events.created;
import static dev.referrals.api.support.Events.declined;
import static dev.referrals.api.support.Events.id;
import static dev.referrals.api.support.Events.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.events.ReferralStatus;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/jobs/{jobId}/invitations}: the client's view of who was invited and how (R12), merged from
 * marketplace.job-activity, referrals.referral-created, referrals.referral-status-changed and
 * referrals.invite-declined, in whatever order they arrive.
 */
class JobInvitationsIT extends ApiIntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(20);

    @Test
    void aJobShowsDirectInvitationsAndReferralsWithTheirReferrerMessageAndStatus() {
        String jobId = id("job");
        String referrer = id("freelancer");
        String referee = id("freelancer");
        String referralId = id("referral");

        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, referrer, JobActivityKind.INVITED, "inv-referrer", null, at(0)));
        events.publish(Topics.INVITE_DECLINED, jobId, declined(jobId, referrer, "inv-referrer", at(10)));
        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(referralId, id("request"), jobId, referrer, referee, at(11)));
        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, referee, JobActivityKind.INVITED, "inv-referee", referralId, at(12)));

        Map<String, JsonNode> invitations = awaitInvitations(jobId, byFreelancer ->
                byFreelancer.size() == 2 && "DECLINED".equals(status(byFreelancer, referrer))
                        && byFreelancer.get(referee).has("invitationId"));
        JsonNode direct = invitations.get(referrer);
        assertThat(direct.get("source").asString()).isEqualTo("DIRECT");
        assertThat(direct.get("invitationId").asString()).isEqualTo("inv-referrer");
        assertThat(direct.has("referrerId")).isFalse();
        JsonNode referral = invitations.get(referee);
        assertThat(referral.get("source").asString()).isEqualTo("REFERRAL");
        assertThat(referral.get("referralId").asString()).isEqualTo(referralId);
        assertThat(referral.get("referrerId").asString()).isEqualTo(referrer);
        assertThat(referral.get("message").asString()).isEqualTo("Worth a look");
        assertThat(referral.get("invitationId").asString()).isEqualTo("inv-referee");
        assertThat(referral.get("status").asString()).isEqualTo("INVITED");

        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(referralId, jobId, referee, ReferralStatus.ACCEPTED, at(20)));
        awaitInvitations(jobId, byFreelancer -> "ACCEPTED".equals(status(byFreelancer, referee)));
    }

    @Test
    void anInvitationReportedBeforeItsReferralBecomesAReferral() {
        String jobId = id("job");
        String referee = id("freelancer");

        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, referee, JobActivityKind.INVITED, "inv-1", null, at(12)));
        awaitInvitations(jobId, byFreelancer -> "INVITED".equals(status(byFreelancer, referee)));
        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(id("referral"), id("request"), jobId, "referrer-1", referee, at(11)));

        JsonNode invitation = awaitInvitations(jobId, byFreelancer ->
                "REFERRAL".equals(byFreelancer.get(referee).get("source").asString())).get(referee);
        assertThat(invitation.get("referrerId").asString()).isEqualTo("referrer-1");
        assertThat(invitation.get("invitationId").asString()).isEqualTo("inv-1");
        assertThat(invitation.get("status").asString()).isEqualTo("INVITED");
    }

    @Test
    void answersFromJobActivitySetTheStatus() {
        String jobId = id("job");
        String accepting = id("freelancer");
        String declining = id("freelancer");

        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, accepting, JobActivityKind.INVITED, "inv-a", null, at(0)));
        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, declining, JobActivityKind.INVITED, "inv-d", null, at(0)));
        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, accepting, JobActivityKind.INVITATION_ACCEPTED, "inv-a", null, at(5)));
        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, declining, JobActivityKind.INVITATION_DECLINED, "inv-d", null, at(5)));
        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, id("freelancer"), JobActivityKind.PROPOSAL_SUBMITTED, null, null, at(6)));

        Map<String, JsonNode> invitations = awaitInvitations(jobId, byFreelancer ->
                "ACCEPTED".equals(status(byFreelancer, accepting))
                        && "DECLINED".equals(status(byFreelancer, declining)));
        assertThat(invitations).hasSize(2);
    }

    @Test
    void redeliveredOrOlderFactsChangeNothing() {
        String jobId = id("job");
        String referrer = id("freelancer");
        String referee = id("freelancer");
        String referralId = id("referral");
        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, referrer, JobActivityKind.INVITED, "inv-referrer", null, at(0)));
        events.publish(Topics.INVITE_DECLINED, jobId, declined(jobId, referrer, "inv-referrer", at(10)));
        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(referralId, id("request"), jobId, referrer, referee, at(11)));
        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(referralId, jobId, referee, ReferralStatus.ACCEPTED, at(20)));
        Map<String, JsonNode> before = awaitInvitations(jobId, byFreelancer ->
                "DECLINED".equals(status(byFreelancer, referrer)) && "ACCEPTED".equals(status(byFreelancer, referee)));

        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, referrer, JobActivityKind.INVITED, "inv-referrer", null, at(0)));
        events.publish(Topics.INVITE_DECLINED, jobId, declined(jobId, referrer, "inv-referrer", at(10)));
        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(referralId, id("request"), jobId, referrer, referee, at(11)));
        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(referralId, jobId, referee, ReferralStatus.DECLINED, at(15)));
        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, referee, JobActivityKind.INVITED, null, null, at(11)));
        awaitBarriers(jobId);

        Map<String, JsonNode> after = invitations(jobId);
        assertThat(after.get(referrer)).isEqualTo(before.get(referrer));
        assertThat(after.get(referee)).isEqualTo(before.get(referee));
    }

    @Test
    void aJobThePipelineDoesNotKnowHasNoInvitations() {
        JsonNode answer = api.get("/api/v1/jobs/" + id("job") + "/invitations").json();

        assertThat(answer.get("items").isEmpty()).isTrue();
    }

    /** Later facts of the same job on each topic, so on the same partitions: once projected, earlier ones were. */
    private void awaitBarriers(String jobId) {
        String viaActivity = id("barrier");
        String viaDecline = id("barrier");
        String viaReferral = id("barrier");
        String viaStatus = id("barrier");
        String barrierReferral = id("referral");
        events.publish(Topics.JOB_ACTIVITY, jobId,
                activity(jobId, viaActivity, JobActivityKind.INVITED, null, null, at(30)));
        events.publish(Topics.INVITE_DECLINED, jobId, declined(jobId, viaDecline, "inv-x", at(30)));
        events.publish(Topics.REFERRAL_CREATED, jobId,
                created(id("referral"), id("request"), jobId, "r", viaReferral, at(30)));
        events.publish(Topics.REFERRAL_STATUS_CHANGED, jobId,
                statusChanged(barrierReferral, jobId, viaStatus, ReferralStatus.ACCEPTED, at(30)));
        awaitInvitations(jobId, byFreelancer -> byFreelancer.keySet().containsAll(
                List.of(viaActivity, viaDecline, viaReferral, viaStatus)));
    }

    private Map<String, JsonNode> awaitInvitations(String jobId, Predicate<Map<String, JsonNode>> condition) {
        // A freelancer the condition looks at may not be there yet.
        return await().atMost(PROJECTED).ignoreExceptionsInstanceOf(NullPointerException.class)
                .until(() -> invitations(jobId), condition::test);
    }

    private Map<String, JsonNode> invitations(String jobId) {
        JsonNode answer = api.get("/api/v1/jobs/" + jobId + "/invitations").json();
        assertThat(answer.get("jobId").asString()).isEqualTo(jobId);
        Map<String, JsonNode> byFreelancer = new LinkedHashMap<>();
        answer.get("items").forEach(item -> byFreelancer.put(item.get("freelancerId").asString(), item));
        return byFreelancer;
    }

    private static String status(Map<String, JsonNode> byFreelancer, String freelancerId) {
        JsonNode invitation = byFreelancer.get(freelancerId);
        return invitation == null ? null : invitation.get("status").asString();
    }
}
