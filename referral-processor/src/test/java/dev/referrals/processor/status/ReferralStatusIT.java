package dev.referrals.processor.status;

import static dev.referrals.processor.Marketplace.activity;
import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.ReferralStatus;
import dev.referrals.events.ReferralStatusChanged;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.PublishedEvents;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** R11: the referee's answer to a referral invitation becomes ReferralStatusChanged, once per answer. */
@ProcessorIntegrationTest
class ReferralStatusIT {

    @Autowired
    private Marketplace marketplace;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anAcceptedReferralInvitationBecomesOneStatusChangeEvenWhenTheActivityIsDeliveredTwice() {
        ReferralCreated referral = aReferral();
        JobActivity accepted = answer(referral, JobActivityKind.INVITATION_ACCEPTED);

        marketplace.sendActivity(accepted);
        marketplace.sendActivity(accepted);
        marketplace.givenActivity(activity(referral.getJobId(), unique("later"), JobActivityKind.INVITED));

        List<ReferralStatusChanged> changes = await().atMost(PublishedEvents.WAIT)
                .until(() -> published.statusChangesOf(referral.getReferralId()), all -> !all.isEmpty());
        assertThat(changes).as("republished only with identical content").containsOnly(ReferralStatusChanged
                .newBuilder()
                .setReferralId(referral.getReferralId())
                .setJobId(referral.getJobId())
                .setRefereeId(referral.getRefereeId())
                .setStatus(ReferralStatus.ACCEPTED)
                .setChangedAt(accepted.getOccurredAt())
                .build());
        assertThat(jdbc.sql("select count(*) from referral_status_change where referral_id = ?")
                .param(referral.getReferralId()).query(Long.class).single()).isEqualTo(1);
        assertThat(referralStatus(referral)).isEqualTo("ACCEPTED");
    }

    @Test
    void aDeclinedReferralInvitationBecomesDeclined() {
        ReferralCreated referral = aReferral();
        JobActivity declined = answer(referral, JobActivityKind.INVITATION_DECLINED);

        marketplace.sendActivity(declined);

        ReferralStatusChanged change = await().atMost(PublishedEvents.WAIT)
                .until(() -> published.statusChangesOf(referral.getReferralId()), all -> !all.isEmpty()).get(0);
        assertThat(change.getStatus()).isEqualTo(ReferralStatus.DECLINED);
        assertThat(change.getChangedAt()).isEqualTo(declined.getOccurredAt());
        assertThat(referralStatus(referral)).isEqualTo("DECLINED");
    }

    @Test
    void anAnswerNamingAReferralThisProcessorNeverMadeIsSkippedAndTheConsumerCarriesOn() {
        String jobId = unique("job");
        String unknownReferral = unique("referral");
        JobActivity answer = JobActivity.newBuilder(activity(jobId, unique("ben"), JobActivityKind.INVITATION_ACCEPTED))
                .setReferralId(unknownReferral).build();

        marketplace.sendActivity(answer);
        marketplace.givenActivity(activity(jobId, unique("later"), JobActivityKind.INVITED));

        assertThat(published.statusChangesOf(unknownReferral)).isEmpty();
        assertThat(jdbc.sql("select count(*) from job_activity where event_id = ?").param(answer.getEventId())
                .query(Long.class).single()).isEqualTo(1);
    }

    private ReferralCreated aReferral() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));
        marketplace.sendRequest(request);
        return published.awaitCreated(request.getRequestId());
    }

    private static JobActivity answer(ReferralCreated referral, JobActivityKind kind) {
        return JobActivity.newBuilder(activity(referral.getJobId(), referral.getRefereeId(), kind))
                .setReferralId(referral.getReferralId()).build();
    }

    private String referralStatus(ReferralCreated referral) {
        return jdbc.sql("select status from referral where referral_id = ?").param(referral.getReferralId())
                .query(String.class).single();
    }
}
