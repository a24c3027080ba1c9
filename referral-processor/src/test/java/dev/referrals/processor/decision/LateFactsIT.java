package dev.referrals.processor.decision;

import static dev.referrals.processor.Marketplace.freelancer;
import static dev.referrals.processor.Marketplace.invited;
import static dev.referrals.processor.Marketplace.job;
import static dev.referrals.processor.Marketplace.now;
import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.request;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.PublishedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * I6: a request may arrive before the job, the referee or the invitation it names. It waits for them until its grace period
 * (here {@value ProcessorIntegrationTest#GRACE_PERIOD} after requestedAt) is over, then is decided with what is known.
 */
@ProcessorIntegrationTest
class LateFactsIT {

    private static final Duration GRACE_PERIOD = Duration.parse("PT" + ProcessorIntegrationTest.GRACE_PERIOD);
    /** Attempts at a request held back behind a ledger backlog, before the backlog is let through. */
    private static final int ATTEMPTS_BEHIND_THE_LEDGER = 3;

    @Autowired
    private Marketplace marketplace;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void aJobThatArrivesWithinTheGracePeriodIsWaitedForAndTheReferralIsCreated() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenFreelancers(ana, ben);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = request(jobId, ana, RefereeKind.PROFILE_URL, profileUrlOf(ben), now());

        double deferredBefore = deferred("facts");
        marketplace.sendRequest(request);
        awaitDeferred("facts", deferredBefore);
        assertThat(published.outcomesOf(request.getRequestId())).as("decided before the job was known").isEmpty();
        Instant jobArrived = now();
        marketplace.sendJob(job(jobId, JobVisibility.PUBLIC, JobStatus.OPEN));

        ReferralCreated created = published.awaitCreated(request.getRequestId());
        assertThat(created.getCreatedAt()).isAfterOrEqualTo(jobArrived);
        assertThat(created.getRefereeId()).isEqualTo(ben);
    }

    @Test
    void aRefereeWhoseAccountArrivesWithinTheGracePeriodIsWaitedForAndTheReferralIsCreated()
            {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = request(jobId, ana, RefereeKind.PROFILE_URL, profileUrlOf(ben), now());

        double deferredBefore = deferred("facts");
        marketplace.sendRequest(request);
        awaitDeferred("facts", deferredBefore);
        assertThat(published.outcomesOf(request.getRequestId())).as("decided before the referee was known").isEmpty();
        marketplace.sendAccount(freelancer(ben));

        assertThat(published.awaitCreated(request.getRequestId()).getRefereeId()).isEqualTo(ben);
    }

    @Test
    void aJobThatNeverArrivesIsRejectedAsNotFoundOnceTheGracePeriodIsOver() {
        String ana = unique("ana");
        String ben = unique("ben");
        String jobId = unique("job");
        marketplace.givenFreelancers(ana, ben);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = request(jobId, ana, RefereeKind.PROFILE_URL, profileUrlOf(ben), now());

        marketplace.sendRequest(request);

        ReferralRejected rejected = published.awaitRejected(request.getRequestId());
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.JOB_NOT_FOUND);
        assertThat(rejected.getRejectedAt()).isAfterOrEqualTo(request.getRequestedAt().plus(GRACE_PERIOD));
    }

    @Test
    void aRefereeWhoNeverTurnsUpIsRejectedAsNotFoundOnceTheGracePeriodIsOver() {
        String jobId = unique("job");
        String ana = unique("ana");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = request(jobId, ana, RefereeKind.PROFILE_URL,
                profileUrlOf(unique("nobody")), now());

        marketplace.sendRequest(request);

        ReferralRejected rejected = published.awaitRejected(request.getRequestId());
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.REFEREE_NOT_FOUND);
        assertThat(rejected.getRejectedAt()).isAfterOrEqualTo(request.getRequestedAt().plus(GRACE_PERIOD));
        assertThat(Marketplace.LONG_AGO).isGreaterThan(GRACE_PERIOD);
    }

    @Test
    void anInvitationThatArrivesWithinTheGracePeriodIsWaitedForAndTheReferralIsCreated() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben);
        ReferralRequested request = request(jobId, ana, RefereeKind.PROFILE_URL, profileUrlOf(ben), now());

        double deferredBefore = deferred("facts");
        marketplace.sendRequest(request);
        awaitDeferred("facts", deferredBefore);
        assertThat(published.outcomesOf(request.getRequestId())).as("decided before the invitation was known")
                .isEmpty();
        Instant invitationArrived = now();
        marketplace.sendActivity(invited(jobId, ana, request.getInvitationId()));

        ReferralCreated created = published.awaitCreated(request.getRequestId());
        assertThat(created.getCreatedAt()).isAfterOrEqualTo(invitationArrived);
        assertThat(created.getReferrerId()).isEqualTo(ana);
    }

    @Test
    void aMadeUpReferrerIsRejectedAsNotInvitedOnceTheGracePeriodIsOver() {
        String jobId = unique("job");
        String ben = unique("ben");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ben);
        ReferralRequested request = request(jobId, unique("made-up"), RefereeKind.PROFILE_URL, profileUrlOf(ben),
                now());

        marketplace.sendRequest(request);

        ReferralRejected rejected = published.awaitRejected(request.getRequestId());
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.REFERRER_NOT_INVITED);
        assertThat(rejected.getRejectedAt()).isAfterOrEqualTo(request.getRequestedAt().plus(GRACE_PERIOD));
    }

    /**
     * A backlog, for real: the ledger's jobs listener is paused while the job is published, so the job is in its
     * topic but unread when the request's grace period ends, a second later. Without the ledger's progress the
     * request would then be rejected JOB_NOT_FOUND; it waits, and is created once the job is read.
     */
    @Test
    void aRequestPastItsGracePeriodWaitsForAJobQueuedBehindALedgerBacklogAndTheReferralIsCreated() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        marketplace.givenFreelancers(ana, ben);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = request(jobId, ana, RefereeKind.PROFILE_URL, profileUrlOf(ben),
                now().minus(GRACE_PERIOD).plusSeconds(1));
        MessageListenerContainer jobs = listeners.getListenerContainer("referral-processor.jobs");
        assertThat(jobs).isNotNull();
        double behindBefore = deferred("ledger");

        jobs.pause();
        try {
            await().atMost(PublishedEvents.WAIT).until(jobs::isContainerPaused);
            marketplace.sendJob(job(jobId, JobVisibility.PUBLIC, JobStatus.OPEN));
            marketplace.sendRequest(request);
            await().atMost(PublishedEvents.WAIT)
                    .until(() -> deferred("ledger") >= behindBefore + ATTEMPTS_BEHIND_THE_LEDGER);
            assertThat(published.outcomesOf(request.getRequestId())).as("decided before the ledger read the job")
                    .isEmpty();
        } finally {
            jobs.resume();
        }

        assertThat(published.awaitCreated(request.getRequestId()).getRefereeId()).isEqualTo(ben);
    }

    private double deferred(String waitingFor) {
        Counter counter = meters.find("referrals.decisions.deferred").tag("waiting_for", waitingFor).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Until the processor has tried a request and held it back at least once more than before. */
    private void awaitDeferred(String waitingFor, double before) {
        await().atMost(PublishedEvents.WAIT).until(() -> deferred(waitingFor) > before);
    }
}
