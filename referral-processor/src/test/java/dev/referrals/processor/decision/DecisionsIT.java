package dev.referrals.processor.decision;

import static dev.referrals.processor.Marketplace.activity;
import static dev.referrals.processor.Marketplace.emailOf;
import static dev.referrals.processor.Marketplace.invited;
import static dev.referrals.processor.Marketplace.job;
import static dev.referrals.processor.Marketplace.now;
import static dev.referrals.processor.Marketplace.onInvitation;
import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.referralByEmail;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.PublishedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests decided end to end: upstream facts and a ReferralRequested published on the real broker, the outcome read
 * from the processor's output topic.
 */
@ProcessorIntegrationTest
class DecisionsIT {

    @Autowired
    private Marketplace marketplace;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    @Test
    void anEligibleReferralIsCreatedWithEverythingDownstreamNeeds() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenAnInvitedReferrerAndAReferee(jobId, ana, ben);
        double createdBefore = meters.counter("referrals.decisions", "outcome", "CREATED", "reason", "NONE").count();
        ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));

        marketplace.sendRequest(request);
        ReferralCreated created = published.awaitCreated(request.getRequestId());

        assertThat(created.getReferralId()).isNotBlank();
        assertThat(created.getInvitationId()).isEqualTo(request.getInvitationId());
        assertThat(created.getJobId()).isEqualTo(jobId);
        assertThat(created.getClientId()).as("the job's client, from the ledger")
                .isEqualTo(job(jobId, JobVisibility.PUBLIC, JobStatus.OPEN).getClientId());
        assertThat(created.getReferrerId()).isEqualTo(ana);
        assertThat(created.getRefereeId()).isEqualTo(ben);
        assertThat(created.getMessage()).isEqualTo(request.getMessage());
        assertThat(created.getCreatedAt()).isAfterOrEqualTo(request.getRequestedAt());
        assertThat(published.keysOfOutcomesOf(request.getRequestId())).containsOnly(jobId);
        assertThat(jdbc.sql("select referee_id from referral where referral_id = ?")
                .param(created.getReferralId()).query(String.class).single()).isEqualTo(ben);
        assertThat(meters.counter("referrals.decisions", "outcome", "CREATED", "reason", "NONE").count()).isGreaterThan(createdBefore);
        assertThat(meters.find("referrals.decision.latency").timer()).isNotNull();
    }

    static Stream<Arguments> eachRuleEndToEnd() {
        return Stream.of(
                Arguments.of(RejectionReason.REFEREE_NOT_FOUND, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana);
                    m.givenInvited(job, ana);
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.SELF_REFERRAL, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana);
                    m.givenInvited(job, ana);
                    return List.of(referral(job, ana, profileUrlOf(ana)));
                }),
                Arguments.of(RejectionReason.REFERRER_ALREADY_REFERRED, (Scenario) (m, job, ana, ben) -> {
                    String cid = unique("cid");
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana, ben, cid);
                    m.givenInvited(job, ana);
                    // Invited to the job a second time: R1 lets her decline that one too, R4 still refuses.
                    m.givenActivity(invited(job, ana, "second-" + ana));
                    return List.of(referral(job, ana, profileUrlOf(ben)),
                            onInvitation(referral(job, ana, profileUrlOf(cid)), "second-" + ana));
                }),
                Arguments.of(RejectionReason.INVITATION_ALREADY_DECLINED, (Scenario) (m, job, ana, ben) -> {
                    String cid = unique("cid");
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana, ben, cid);
                    m.givenInvited(job, ana);
                    m.givenActivity(activity(job, cid, JobActivityKind.PROPOSAL_SUBMITTED));
                    // The first decline was rejected (R5), and still used up the invitation.
                    return List.of(referral(job, ana, profileUrlOf(cid)), referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.REFERRER_NOT_INVITED, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ben);
                    // A made-up referrer id: no account, no invitation.
                    return List.of(referral(job, unique("made-up"), profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.REFERRER_NOT_INVITED, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana, ben);
                    m.givenActivity(invited(job, ana, "another-invitation"));
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.CLIENT_NOT_JOB_OWNER, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana, ben);
                    m.givenInvited(job, ana);
                    return List.of(ReferralRequested.newBuilder(referral(job, ana, profileUrlOf(ben)))
                            .setClientId(unique("someone-else")).build());
                }),
                Arguments.of(RejectionReason.REFEREE_ALREADY_PROPOSED, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana, ben);
                    m.givenInvited(job, ana);
                    m.givenActivity(activity(job, ben, JobActivityKind.PROPOSAL_SUBMITTED));
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.REFEREE_ALREADY_REFERRED, (Scenario) (m, job, ana, ben) -> {
                    String dan = unique("dan");
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana, ben, dan);
                    m.givenInvited(job, ana, dan);
                    return List.of(referral(job, dan, profileUrlOf(ben)), referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.REFEREE_ALREADY_INVITED_OR_HIRED, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana, ben);
                    m.givenInvited(job, ana);
                    m.givenActivity(activity(job, ben, JobActivityKind.INVITED));
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.REFEREE_ALREADY_INVITED_OR_HIRED, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana, ben);
                    m.givenInvited(job, ana);
                    m.givenActivity(activity(job, ben, JobActivityKind.HIRED));
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.JOB_INVITE_ONLY, (Scenario) (m, job, ana, ben) -> {
                    m.givenJob(job(job, JobVisibility.INVITE_ONLY, JobStatus.OPEN));
                    m.givenFreelancers(ana, ben);
                    m.givenInvited(job, ana);
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.JOB_CLOSED, (Scenario) (m, job, ana, ben) -> {
                    m.givenJob(job(job, JobVisibility.PUBLIC, JobStatus.CLOSED));
                    m.givenFreelancers(ana, ben);
                    m.givenInvited(job, ana);
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.JOB_NOT_FOUND, (Scenario) (m, job, ana, ben) -> {
                    m.givenFreelancers(ana, ben);
                    m.givenInvited(job, ana);
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.REFEREE_NOT_FOUND, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana);
                    m.givenInvited(job, ana);
                    m.givenAccount(Account.newBuilder(Marketplace.freelancer(ben))
                            .setKind(AccountKind.CLIENT).build());
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }),
                Arguments.of(RejectionReason.REFEREE_NOT_FOUND, (Scenario) (m, job, ana, ben) -> {
                    m.givenOpenPublicJob(job);
                    m.givenFreelancers(ana);
                    m.givenInvited(job, ana);
                    m.givenAccount(Account.newBuilder(Marketplace.freelancer(ben))
                            .setStatus(AccountStatus.CLOSED).build());
                    return List.of(referral(job, ana, profileUrlOf(ben)));
                }));
    }

    /** Upstream facts for a job, then the requests to send; the last one is the one the rule rejects. */
    @FunctionalInterface
    interface Scenario {
        List<ReferralRequested> given(Marketplace marketplace, String jobId, String ana, String ben);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void eachRuleEndToEnd(RejectionReason expected, Scenario scenario) {
        List<ReferralRequested> requests = scenario.given(marketplace, unique("job"), unique("ana"), unique("ben"));
        double rejectedBefore = rejectedCount(expected);

        requests.forEach(marketplace::sendRequest);
        ReferralRequested last = requests.get(requests.size() - 1);
        ReferralRejected rejected = published.awaitRejected(last.getRequestId());

        assertThat(rejected.getReason()).isEqualTo(expected);
        assertThat(rejected.getJobId()).isEqualTo(last.getJobId());
        assertThat(rejected.getReferrerId()).isEqualTo(last.getReferrerId());
        assertThat(rejected.getRejectedAt()).isNotNull();
        assertThat(published.keysOfOutcomesOf(last.getRequestId())).containsOnly(last.getJobId());
        assertThat(rejectedCount(expected)).isGreaterThan(rejectedBefore);
    }

    @Test
    void everyCommonWayOfCopyingAProfileLinkFindsTheSameFreelancer() {
        String ana = unique("ana");
        String ben = unique("Ben");
        marketplace.givenFreelancers(ana, ben);
        String url = profileUrlOf(ben);
        List<String> variants = List.of(
                url.replace("https://marketplace.test", "HTTPS://Marketplace.TEST"),
                url.replace("https://", "https://www."),
                url + "/",
                url + "?utm_source=newsletter",
                url + "#reviews",
                url.replace("https://", "http://WWW.") + "/?tab=work#top");

        for (String variant : variants) {
            String jobId = unique("job");
            marketplace.givenOpenPublicJob(jobId);
            marketplace.givenInvited(jobId, ana);
            ReferralRequested request = referral(jobId, ana, variant);
            marketplace.sendRequest(request);

            assertThat(published.awaitCreated(request.getRequestId()).getRefereeId()).as(variant).isEqualTo(ben);
        }
    }

    @Test
    void anEmailFingerprintFindsTheFreelancerWhateverTheCaseTheAddressWasTypedIn() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenAnInvitedReferrerAndAReferee(jobId, ana, ben);
        String typed = "  " + emailOf(ben).toUpperCase() + " ";
        ReferralRequested request = referralByEmail(jobId, ana, typed, now().minus(Marketplace.LONG_AGO));

        marketplace.sendRequest(request);

        assertThat(published.awaitCreated(request.getRequestId()).getRefereeId()).isEqualTo(ben);
    }

    @Test
    void aRedeliveredRequestRepublishesTheSameOutcomeEvenAfterTheLedgerChanged() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenAnInvitedReferrerAndAReferee(jobId, ana, ben);
        ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));
        marketplace.sendRequest(request);
        ReferralCreated first = published.awaitCreated(request.getRequestId());

        // Deciding afresh now would reject (the job closed): a redelivery must not change the decision.
        marketplace.givenJob(job(jobId, JobVisibility.PUBLIC, JobStatus.CLOSED));
        marketplace.sendRequest(request);

        List<Object> outcomes = await().atMost(PublishedEvents.WAIT)
                .until(() -> published.outcomesOf(request.getRequestId()), all -> all.size() == 2);
        assertThat(outcomes).containsOnly(first);
        assertThat(jdbc.sql("select count(*) from decision where request_id = ?")
                .param(request.getRequestId()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from referral where job_id = ?")
                .param(jobId).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * What the API publishes when a decline's commit was lost and its caller retried with the same Idempotency-Key
     * ({@code IdempotencyIT} in referral-api): the same eventId and requestId again, stamped with the retry's later
     * requestedAt. The processor dedupes by requestId: the one stored decision, published again unchanged.
     */
    @Test
    void aRepublishWithTheSameIdsAfterALostCommitIsDecidedOnce() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenAnInvitedReferrerAndAReferee(jobId, ana, ben);
        ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));
        ReferralRequested retried = ReferralRequested.newBuilder(request)
                .setRequestedAt(request.getRequestedAt().plusSeconds(5)).build();

        marketplace.sendRequest(request);
        marketplace.sendRequest(retried);

        List<Object> outcomes = await().atMost(PublishedEvents.WAIT)
                .until(() -> published.outcomesOf(request.getRequestId()), all -> all.size() == 2);
        assertThat(outcomes).first().isInstanceOf(ReferralCreated.class);
        assertThat(outcomes).containsOnly(outcomes.get(0));
        assertThat(jdbc.sql("select count(*) from decision where request_id = ?")
                .param(request.getRequestId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRedeliveredRequestKeepsItsDecisionWhileAnotherRequestOnTheSameInvitationIsRejected() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        String cid = unique("cid");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben, cid);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));
        marketplace.sendRequest(request);
        ReferralCreated first = published.awaitCreated(request.getRequestId());

        // The same request again (I2) is not a second decline of the invitation; a new request on it is (R1).
        marketplace.sendRequest(request);
        ReferralRequested again = referral(jobId, ana, profileUrlOf(cid));
        marketplace.sendRequest(again);

        assertThat(published.awaitRejected(again.getRequestId()).getReason())
                .isEqualTo(RejectionReason.INVITATION_ALREADY_DECLINED);
        List<Object> outcomes = await().atMost(PublishedEvents.WAIT)
                .until(() -> published.outcomesOf(request.getRequestId()), all -> all.size() == 2);
        assertThat(outcomes).containsOnly(first);
    }

    @Test
    void aRedeliveredRejectedRequestRepublishesTheSameRejection() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenJob(job(jobId, JobVisibility.PUBLIC, JobStatus.CLOSED));
        marketplace.givenFreelancers(ana, ben);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));
        marketplace.sendRequest(request);
        ReferralRejected first = published.awaitRejected(request.getRequestId());

        marketplace.givenOpenPublicJob(jobId);
        marketplace.sendRequest(request);

        List<Object> outcomes = await().atMost(PublishedEvents.WAIT)
                .until(() -> published.outcomesOf(request.getRequestId()), all -> all.size() == 2);
        assertThat(outcomes).containsOnly(first);
    }

    private double rejectedCount(RejectionReason reason) {
        var counter = meters.find("referrals.decisions").tag("outcome", "REJECTED").tag("reason", reason.name())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
