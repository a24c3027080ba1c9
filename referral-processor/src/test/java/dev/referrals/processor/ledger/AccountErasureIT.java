package dev.referrals.processor.ledger;

import static dev.referrals.processor.Marketplace.emailOf;
import static dev.referrals.processor.Marketplace.now;
import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.referralByEmail;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.PublishedEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A tombstone on marketplace.accounts erases the account's contact data: it can no longer be referred. */
@ProcessorIntegrationTest
class AccountErasureIT {

    @Autowired
    private Marketplace marketplace;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anErasedAccountCanNoLongerBeFoundByEmailOrByProfileUrl() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben);
        // Two declines with a referral: Ana needs two invitations to the job (R1).
        marketplace.givenInvited(jobId, ana);
        marketplace.givenActivity(Marketplace.invited(jobId, ana, "second-" + ana));

        marketplace.givenErased(ben);
        ReferralRequested byEmail = referralByEmail(jobId, ana, emailOf(ben), now().minus(Marketplace.LONG_AGO));
        ReferralRequested byUrl = Marketplace.onInvitation(referral(jobId, ana, profileUrlOf(ben)), "second-" + ana);
        marketplace.sendRequest(byEmail);
        marketplace.sendRequest(byUrl);

        assertThat(published.awaitRejected(byEmail.getRequestId()).getReason())
                .isEqualTo(RejectionReason.REFEREE_NOT_FOUND);
        assertThat(published.awaitRejected(byUrl.getRequestId()).getReason())
                .isEqualTo(RejectionReason.REFEREE_NOT_FOUND);
        Map<String, Object> row = jdbc.sql("select profile_url, erased from account where account_id = ?")
                .param(ben).query().singleRow();
        assertThat(row).containsEntry("profile_url", null).containsEntry("erased", true);
        assertThat(jdbc.sql("select count(*) from account_email_fingerprint where account_id = ?").param(ben)
                .query(Long.class).single()).isZero();
    }
}
