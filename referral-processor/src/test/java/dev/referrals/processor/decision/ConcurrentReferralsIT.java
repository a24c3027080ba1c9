package dev.referrals.processor.decision;

import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.PublishedEvents;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * I1: at most one referral per (job, referrer) and per (job, referee), even when two decisions run at the same time,
 * enforced by PostgreSQL's unique constraints. Two threads call the decision service directly, released together.
 */
@ProcessorIntegrationTest
class ConcurrentReferralsIT {

    private static final int ROUNDS = 5;

    @Autowired
    private ReferralDecisions decisions;

    @Autowired
    private GatedSnapshotSource gate;

    @Autowired
    private Marketplace marketplace;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private JdbcClient jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        gate.openGate();
        threads.shutdownNow();
    }

    @Test
    void twoReferrersOfTheSameRefereeReadingTheSameLedgerMakeOneReferralAndOneRejection() throws Exception {
        String jobId = unique("job");
        String ana = unique("ana");
        String dan = unique("dan");
        String ben = unique("ben");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, dan, ben);
        marketplace.givenInvited(jobId, ana, dan);
        ReferralRequested byAna = referral(jobId, ana, profileUrlOf(ben));
        ReferralRequested byDan = referral(jobId, dan, profileUrlOf(ben));
        // Both read the ledger before either writes: the loser can only find out at the unique constraint.
        gate.closeGate(jobId, 2);

        List<ReferralDecision> outcome = decideTogether(byAna, byDan);

        assertOneReferralAndOneRejectionAsAlreadyReferred(jobId, ben, outcome);
        assertThat(published.awaitOutcomeOf(byAna.getRequestId())).isNotNull();
        assertThat(published.awaitOutcomeOf(byDan.getRequestId())).isNotNull();
    }

    @Test
    void twoReferrersOfTheSameRefereeReleasedTogetherMakeOneReferralAndOneRejection() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String jobId = unique("job");
            String ana = unique("ana");
            String dan = unique("dan");
            String ben = unique("ben");
            marketplace.givenOpenPublicJob(jobId);
            marketplace.givenFreelancers(ana, dan, ben);
            marketplace.givenInvited(jobId, ana, dan);

            List<ReferralDecision> outcome = decideTogether(
                    referral(jobId, ana, profileUrlOf(ben)), referral(jobId, dan, profileUrlOf(ben)));

            assertOneReferralAndOneRejectionAsAlreadyReferred(jobId, ben, outcome);
        }
    }

    @Test
    void twoRequestsDecliningTheSameInvitationReadingTheSameLedgerMakeOneDecisionDeclineIt() throws Exception {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        String cid = unique("cid");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben, cid);
        marketplace.givenInvited(jobId, ana);
        gate.closeGate(jobId, 2);

        List<ReferralDecision> outcome = decideTogether(
                referral(jobId, ana, profileUrlOf(ben)), referral(jobId, ana, profileUrlOf(cid)));

        assertThat(outcome).filteredOn(ReferralDecision::created).hasSize(1);
        assertThat(outcome).filteredOn(decision -> !decision.created()).extracting(ReferralDecision::reason)
                .containsExactly(RejectionReason.INVITATION_ALREADY_DECLINED);
        assertThat(jdbc.sql("select count(*) from declined_invitation where job_id = ?").param(jobId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDatabaseItselfRefusesASecondDeclineOfTheSameInvitation() {
        String jobId = unique("job");
        insertDeclinedInvitation(jobId, "invitation-1", insertDecision(jobId));

        assertThatThrownBy(() -> insertDeclinedInvitation(jobId, "invitation-1", insertDecision(jobId)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("declined_invitation_pkey");
        insertDeclinedInvitation(jobId, "invitation-2", insertDecision(jobId));
    }

    @Test
    void theDatabaseItselfRefusesASecondReferralForTheSameRefereeOrFromTheSameReferrer() {
        String jobId = unique("job");
        insertReferral(jobId, "ana", "ben");

        assertThatThrownBy(() -> insertReferral(jobId, "dan", "ben"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("referral_one_per_referee_per_job");
        assertThatThrownBy(() -> insertReferral(jobId, "ana", "cid"))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("referral_one_per_referrer_per_job");
        insertReferral(unique("other-job"), "ana", "ben");
    }

    private List<ReferralDecision> decideTogether(ReferralRequested... requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<ReferralDecision>>> running = new ArrayList<>();
        for (ReferralRequested request : requests) {
            running.add(threads.submit(() -> {
                start.await();
                return decisions.decide(List.of(request));
            }));
        }
        start.countDown();
        List<ReferralDecision> decided = new ArrayList<>();
        for (Future<List<ReferralDecision>> one : running) {
            decided.addAll(one.get(PublishedEvents.WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        return decided;
    }

    private void assertOneReferralAndOneRejectionAsAlreadyReferred(
            String jobId, String refereeId, List<ReferralDecision> outcome) {
        assertThat(outcome).hasSize(2);
        assertThat(outcome).filteredOn(ReferralDecision::created).hasSize(1);
        assertThat(outcome).filteredOn(decision -> !decision.created())
                .extracting(ReferralDecision::reason)
                .containsExactly(RejectionReason.REFEREE_ALREADY_REFERRED);
        assertThat(jdbc.sql("select count(*) from referral where job_id = ? and referee_id = ?")
                .params(jobId, refereeId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select outcome, count(*) from decision where job_id = ? group by outcome order by 1")
                .param(jobId).query((row, i) -> row.getString(1) + "=" + row.getLong(2)).list())
                .containsExactly("CREATED=1", "REJECTED=1");
    }

    private String insertDecision(String jobId) {
        String requestId = unique("request");
        jdbc.sql("""
                        insert into decision (request_id, outcome, job_id, client_id, invitation_id, referrer_id,
                                              reason, rule, decided_at)
                        values (?, 'REJECTED', ?, 'client', 'invitation', 'ana', 'JOB_CLOSED', 'rule', ?)
                        """)
                .params(requestId, jobId, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
        return requestId;
    }

    private void insertDeclinedInvitation(String jobId, String invitationId, String requestId) {
        jdbc.sql("""
                        insert into declined_invitation (job_id, invitation_id, referrer_id, request_id)
                        values (?, ?, 'ana', ?)
                        """)
                .params(jobId, invitationId, requestId)
                .update();
    }

    private void insertReferral(String jobId, String referrerId, String refereeId) {
        jdbc.sql("""
                        insert into referral
                               (referral_id, request_id, job_id, referrer_id, referee_id, status, created_at)
                        values (?, ?, ?, ?, ?, 'PENDING', ?)
                        """)
                .params(unique("referral"), unique("request"), jobId, referrerId, refereeId,
                        OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
    }
}
