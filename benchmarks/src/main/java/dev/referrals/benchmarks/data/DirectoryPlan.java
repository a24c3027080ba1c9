package dev.referrals.benchmarks.data;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.events.ReferralCreated;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.schemas.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * The worker's contact directory (freelancers, clients, jobs) and a backlog of created referrals among them, each
 * with a referrer, a referee, a client and a job the directory knows, so that every referral sends its two emails at
 * once and none waits for a late fact.
 */
public final class DirectoryPlan {

    private static final int JOBS_PER_CLIENT = 5;

    private final BenchmarkSettings.Worker settings;
    private final Marketplace marketplace;
    private final int clients;

    public DirectoryPlan(BenchmarkSettings.Worker settings, Marketplace marketplace) {
        this.settings = settings;
        this.marketplace = marketplace;
        this.clients = Math.max(1, settings.jobs() / JOBS_PER_CLIENT);
    }

    public long publishFacts(EventProducer producer) {
        for (int n = 0; n < settings.freelancers(); n++) {
            marketplace.publishFreelancer(producer, n);
        }
        for (int n = 0; n < clients; n++) {
            marketplace.publishClient(producer, n);
        }
        for (int j = 0; j < settings.jobs(); j++) {
            marketplace.publishJob(producer, j, j % clients, JobVisibility.PUBLIC, JobStatus.OPEN);
        }
        producer.flush();
        return (long) settings.freelancers() + clients + settings.jobs();
    }

    /** The warm-up's {@code warmUp} referrals, as the processor would have created them. */
    public void publishWarmUp(EventProducer producer, Instant createdAt) {
        publish(producer, 0, settings.warmUp(), createdAt);
    }

    /** The measured {@code backlog} referrals, after the warm-up's. */
    public void publishBacklog(EventProducer producer, Instant createdAt) {
        publish(producer, settings.warmUp(), settings.backlog(), createdAt);
    }

    private void publish(EventProducer producer, int first, int count, Instant createdAt) {
        for (int g = first; g < first + count; g++) {
            int job = g % settings.jobs();
            ReferralCreated created = ReferralCreated.newBuilder()
                    .setReferralId(UUID.randomUUID().toString())
                    .setRequestId(UUID.randomUUID().toString())
                    .setInvitationId("inv-" + g)
                    .setJobId(marketplace.job(job))
                    .setClientId(marketplace.client(job % clients))
                    .setReferrerId(marketplace.freelancer((2 * g) % settings.freelancers()))
                    .setRefereeId(marketplace.freelancer((2 * g + 1) % settings.freelancers()))
                    .setMessage(g % 3 == 0 ? null : "I worked with them on three projects like this one; they deliver.")
                    .setCreatedAt(createdAt)
                    .build();
            producer.send(Topics.REFERRAL_CREATED, created.getJobId(), created);
        }
        producer.flush();
    }
}
