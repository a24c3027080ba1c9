package dev.referrals.benchmarks.soak;

import dev.referrals.benchmarks.data.DeclineBodies;
import dev.referrals.benchmarks.data.Marketplace;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import java.time.Instant;

/**
 * The soak's marketplace: {@code jobs} open public jobs, each of its own client, and {@code 2 * referrersPerJob}
 * freelancers. Freelancers {@code 0 .. referrersPerJob-1} are invited to every job; request {@code n} is by
 * freelancer {@code n % referrersPerJob} on job {@code n / referrersPerJob}, and refers freelancer
 * {@code referrersPerJob + n % referrersPerJob}, so every request may be granted (R1-R8) and each (job, referrer) and
 * (job, referee) occurs once. Every tenth request refers the job's client instead, which is no freelancer (R3): it is
 * rejected, so both outcomes flow.
 */
final class SoakMarketplace {

    static final int REJECTED_EVERY = 10;
    private static final String MESSAGE = "They did this kind of work for us last year.";

    private final Marketplace marketplace;
    private final int jobs;
    private final int referrersPerJob;

    SoakMarketplace(String prefix, int jobs, int referrersPerJob) {
        this.marketplace = new Marketplace(prefix, Instant.now());
        this.jobs = jobs;
        this.referrersPerJob = referrersPerJob;
    }

    /** Every fact the requests need, flushed: accounts, jobs and one invitation per job and referrer. */
    void publishFacts(EventProducer producer) {
        for (int job = 0; job < jobs; job++) {
            marketplace.publishClient(producer, job);
            marketplace.publishJob(producer, job, job, JobVisibility.PUBLIC, JobStatus.OPEN);
        }
        for (int freelancer = 0; freelancer < 2 * referrersPerJob; freelancer++) {
            marketplace.publishFreelancer(producer, freelancer);
        }
        for (int job = 0; job < jobs; job++) {
            for (int referrer = 0; referrer < referrersPerJob; referrer++) {
                marketplace.publishActivity(producer, marketplace.job(job), marketplace.freelancer(referrer),
                        JobActivityKind.INVITED);
            }
        }
        producer.flush();
    }

    /** The decline request {@code n} sends: its path and body. */
    Decline decline(long n) {
        int job = (int) (n / referrersPerJob);
        int slot = (int) (n % referrersPerJob);
        String jobId = marketplace.job(job);
        String referrer = marketplace.freelancer(slot);
        String referee = rejected(n)
                ? marketplace.email(marketplace.client(job))
                : marketplace.profileUrl(marketplace.freelancer(referrersPerJob + slot));
        return new Decline(DeclineBodies.path(marketplace.invitation(jobId, referrer)),
                DeclineBodies.decline(jobId, marketplace.client(job), referrer, referee, MESSAGE));
    }

    /** Whether request {@code n} is one the rules reject. */
    static boolean rejected(long n) {
        return n % REJECTED_EVERY == REJECTED_EVERY - 1;
    }

    record Decline(String path, String body) {
    }
}
