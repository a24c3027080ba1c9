package dev.referrals.benchmarks.data;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.localstack.LocalFingerprintKey;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.privacy.EmailFingerprint;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The processor's eligibility data and its backlogs, derived from numbers so that every round of requests has the
 * same mix of outcomes:
 * <ul>
 *   <li>request {@code g} is on job {@code g mod jobs}; its referrer and referee are freelancers near the job's
 *       number, different for every round on that job, so a round never collides with an earlier one (R4, R6);</li>
 *   <li>every referrer was invited to the job, and declines that invitation (R1); the request names the job's
 *       client;</li>
 *   <li>of every {@link #MIX} requests, one names a referee who proposed (R5), one who was invited and one who was
 *       hired (R7), one refers themselves, one names nobody (R2); the rest are eligible, half by profile URL and
 *       half by email;</li>
 *   <li>of every {@link #JOB_MIX} jobs, one is closed and one invite-only (R8);</li>
 *   <li>each job also has {@code activityPerJob} rows of unrelated activity, far from the requests' freelancers.</li>
 * </ul>
 */
public final class LedgerPlan {

    static final int MIX = 20;
    static final int JOB_MIX = 50;
    private static final int PROPOSED = 0;
    private static final int INVITED = 1;
    private static final int HIRED = 2;
    private static final int SELF = 3;
    private static final int NOBODY = 4;
    private static final int CLOSED_JOB = JOB_MIX - 2;
    private static final int PRIVATE_JOB = JOB_MIX - 1;
    /** Each request on a job uses two freelancers (referrer, referee) next to the job's number. */
    private static final int FREELANCERS_PER_VISIT = 2;
    /** The key the services under test are started with, as the API would fingerprint. */
    private static final EmailFingerprintKeys FINGERPRINT_KEYS = new EmailFingerprintKeys(LocalFingerprintKey.KEY_ID,
            Map.of(LocalFingerprintKey.KEY_ID, LocalFingerprintKey.SECRET));
    private static final JobActivityKind[] NOISE = {
        JobActivityKind.INVITED, JobActivityKind.PROPOSAL_SUBMITTED, JobActivityKind.INVITATION_DECLINED,
        JobActivityKind.HIRED};

    private final BenchmarkSettings.Processor settings;
    private final Marketplace marketplace;
    private final int clients;

    public LedgerPlan(BenchmarkSettings.Processor settings, Marketplace marketplace) {
        this.settings = settings;
        this.marketplace = marketplace;
        this.clients = Math.max(1, settings.jobs() / settings.jobsPerClient());
        int visitsPerJob = (settings.requestsPerRound() * settings.rounds() + settings.jobs() - 1) / settings.jobs();
        if (FREELANCERS_PER_VISIT * visitsPerJob + 1 >= settings.freelancers() / 2) {
            throw new IllegalArgumentException("too few freelancers for " + visitsPerJob + " requests per job");
        }
    }

    /**
     * Every account, job and activity row, including each referrer's invitation and the rows the rejected requests
     * collide with.
     */
    public long publishFacts(EventProducer producer) {
        long records = 0;
        for (int n = 0; n < settings.freelancers(); n++) {
            marketplace.publishFreelancer(producer, n);
            records++;
        }
        for (int n = 0; n < clients; n++) {
            marketplace.publishClient(producer, n);
            records++;
        }
        for (int j = 0; j < settings.jobs(); j++) {
            int kind = j % JOB_MIX;
            marketplace.publishJob(producer, j, j % clients,
                    kind == PRIVATE_JOB ? JobVisibility.INVITE_ONLY : JobVisibility.PUBLIC,
                    kind == CLOSED_JOB ? JobStatus.CLOSED : JobStatus.OPEN);
            records++;
            for (int m = 0; m < settings.activityPerJob(); m++) {
                // Far from the requests' freelancers (the lower half of the numbers around the job): no collision.
                int freelancer = (j + settings.freelancers() / 2 + m) % settings.freelancers();
                marketplace.publishActivity(producer, marketplace.job(j), marketplace.freelancer(freelancer),
                        NOISE[m % NOISE.length]);
                records++;
            }
        }
        for (long g = 0; g < (long) settings.requestsPerRound() * settings.rounds(); g++) {
            marketplace.publishActivity(producer, marketplace.job(job(g)), referrer(g), JobActivityKind.INVITED);
            records++;
            JobActivityKind collision = switch ((int) (g % MIX)) {
                case PROPOSED -> JobActivityKind.PROPOSAL_SUBMITTED;
                case INVITED -> JobActivityKind.INVITED;
                case HIRED -> JobActivityKind.HIRED;
                default -> null;
            };
            if (collision != null) {
                marketplace.publishActivity(producer, marketplace.job(job(g)), referee(g), collision);
                records++;
            }
        }
        producer.flush();
        return records;
    }

    /** The warm-up of one round: {@code warmUp} requests, all stamped now. */
    public void publishWarmUp(EventProducer producer, int round, Instant requestedAt) {
        publish(producer, (long) round * settings.requestsPerRound(), settings.warmUp(), requestedAt);
    }

    /** The backlog of one round, after its warm-up: {@code backlog} requests, all stamped now. */
    public void publishBacklog(EventProducer producer, int round, Instant requestedAt) {
        publish(producer, (long) round * settings.requestsPerRound() + settings.warmUp(), settings.backlog(),
                requestedAt);
    }

    private void publish(EventProducer producer, long first, int count, Instant requestedAt) {
        for (long g = first; g < first + count; g++) {
            ReferralRequested request = request(g, requestedAt);
            producer.send(Topics.REFERRAL_REQUESTED, request.getJobId(), request);
        }
        producer.flush();
    }

    private ReferralRequested request(long g, Instant requestedAt) {
        int j = job(g);
        String referrer = referrer(g);
        int mix = (int) (g % MIX);
        String refereeId = mix == SELF ? referrer : referee(g);
        boolean byEmail = g % 2 == 1;
        EmailFingerprint fingerprint = mix == NOBODY || !byEmail ? null
                : FINGERPRINT_KEYS.current(marketplace.email(refereeId));
        String referee = mix == NOBODY ? Marketplace.PROFILE_BASE + "nobody-" + g
                : fingerprint != null ? fingerprint.value() : marketplace.profileUrl(refereeId);
        return ReferralRequested.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setInvitationId(marketplace.invitation(marketplace.job(j), referrer))
                .setJobId(marketplace.job(j))
                .setClientId(marketplace.client(j % clients))
                .setReferrerId(referrer)
                .setReferee(referee)
                .setRefereeKind(fingerprint == null ? RefereeKind.PROFILE_URL : RefereeKind.EMAIL)
                .setRefereeFingerprintKeyId(fingerprint == null ? null : fingerprint.keyId())
                .setMessage(g % 3 == 0 ? null : "I worked with them on three projects like this one; they deliver.")
                .setRequestedAt(requestedAt)
                .build();
    }

    private int job(long g) {
        return (int) (g % settings.jobs());
    }

    /** How many requests on the same job came before this one, across all rounds. */
    private int visit(long g) {
        return (int) (g / settings.jobs());
    }

    private String referrer(long g) {
        return marketplace.freelancer((job(g) + FREELANCERS_PER_VISIT * visit(g)) % settings.freelancers());
    }

    private String referee(long g) {
        return marketplace.freelancer((job(g) + FREELANCERS_PER_VISIT * visit(g) + 1) % settings.freelancers());
    }
}
