package dev.referrals.processor.decision;

import static dev.referrals.processor.Marketplace.now;
import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.eligibility.EligibilityRules;
import dev.referrals.processor.PublishedEvents;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A decision stored and never published, which is what a record leaves that was dead-lettered after its decision's
 * commit (or whose processor crashed in between and is not redelivered): the sweeper publishes its outcome, with
 * the stored content, and marks it published. No record is redelivered here, so nothing but the sweeper can do it.
 */
@ProcessorIntegrationTest
class DecisionSweeperIT {

    @Autowired
    private DecisionStore store;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aStoredDecisionThatNoListenerPublishedIsPublishedByTheSweeperWithItsStoredContent() {
        String jobId = unique("job");
        ReferralRequested request = referral(jobId, unique("ana"), profileUrlOf(unique("ben")));
        ReferralDecision stored = ReferralDecision.referralRejected(request,
                EligibilityRules.JOB_MUST_BE_KNOWN.name(), RejectionReason.JOB_NOT_FOUND, now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MILLIS));

        store.saveAll(List.of(stored));

        ReferralRejected rejected = published.awaitRejected(request.getRequestId());
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.JOB_NOT_FOUND);
        assertThat(rejected.getRejectedAt()).isEqualTo(stored.decidedAt());
        await().atMost(PublishedEvents.WAIT).until(() -> jdbc.sql(
                        "select count(*) from decision where request_id = ? and published_at is not null")
                .param(request.getRequestId()).query(Long.class).single() == 1);
    }
}
