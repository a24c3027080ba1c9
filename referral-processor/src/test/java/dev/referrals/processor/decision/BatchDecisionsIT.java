package dev.referrals.processor.decision;

import static dev.referrals.processor.Marketplace.invited;
import static dev.referrals.processor.Marketplace.now;
import static dev.referrals.processor.Marketplace.onInvitation;
import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.request;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.PublishedEvents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch of requests (what one poll of the listener brings) decided in one go: read together, decided in order in
 * memory, so that each request sees the referrals made by those before it, and written in one transaction.
 */
@ProcessorIntegrationTest
class BatchDecisionsIT {

    @Autowired
    private ReferralDecisions decisions;

    @Autowired
    private Marketplace marketplace;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void requestsOfOneBatchSeeTheReferralsMadeBeforeThemInTheSameBatch() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        String cid = unique("cid");
        String dan = unique("dan");
        String eve = unique("eve");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben, cid, dan, eve);
        // Ana and Dan were each invited twice to the job: a second referral needs a second invitation (R1).
        marketplace.givenInvited(jobId, ana, dan);
        marketplace.givenActivity(invited(jobId, ana, "second-" + ana));
        marketplace.givenActivity(invited(jobId, dan, "second-" + dan));
        ReferralRequested anaRefersBen = referral(jobId, ana, profileUrlOf(ben));
        List<ReferralRequested> batch = List.of(
                anaRefersBen,
                referral(jobId, dan, profileUrlOf(ben)),
                onInvitation(referral(jobId, ana, profileUrlOf(cid)), "second-" + ana),
                anaRefersBen,
                onInvitation(referral(jobId, dan, profileUrlOf(eve)), "second-" + dan),
                referral(jobId, ana, profileUrlOf(eve)));

        List<ReferralDecision> decided = decisions.decide(batch);

        assertThat(decided).extracting(decision -> decision.created() ? "CREATED" : decision.reason().name())
                .containsExactly("CREATED", RejectionReason.REFEREE_ALREADY_REFERRED.name(),
                        RejectionReason.REFERRER_ALREADY_REFERRED.name(), "CREATED", "CREATED",
                        RejectionReason.INVITATION_ALREADY_DECLINED.name());
        assertThat(decided.get(3)).as("the same request twice in a batch: one decision").isEqualTo(decided.get(0));
        assertThat(jdbc.sql("select count(*) from decision where job_id = ?").param(jobId)
                .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from declined_invitation where job_id = ?").param(jobId)
                .query(Long.class).single()).as("one per invitation").isEqualTo(4);
        assertThat(jdbc.sql("select referee_id from referral where job_id = ? order by referee_id").param(jobId)
                .query(String.class).list()).containsExactlyInAnyOrder(ben, eve);
        assertThat(published.awaitCreated(anaRefersBen.getRequestId()).getRefereeId()).isEqualTo(ben);
    }

    @Test
    void aRequestWaitingForLateFactsStopsTheBatchThereAndTheOnesBeforeItAreDecided() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested decidable = referral(jobId, ana, profileUrlOf(ben));
        ReferralRequested waiting = request(unique("job"), ana, RefereeKind.PROFILE_URL, profileUrlOf(ben), now());
        ReferralRequested after = referral(unique("job"), ana, profileUrlOf(ben));

        assertThatThrownBy(() -> decisions.decide(List.of(decidable, waiting, after)))
                .isInstanceOfSatisfying(LateFactsPendingException.class, pending -> {
                    assertThat(pending.position()).isEqualTo(1);
                    assertThat(pending.requestId()).isEqualTo(waiting.getRequestId());
                });

        assertThat(published.awaitCreated(decidable.getRequestId()).getRefereeId()).isEqualTo(ben);
        assertThat(jdbc.sql("select count(*) from decision where request_id in (?, ?)")
                .params(waiting.getRequestId(), after.getRequestId()).query(Long.class).single()).isZero();
    }
}
