package dev.referrals.benchmarks.data;

import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.Job;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Synthetic upstream facts, named so that any stage can derive an id, an email or a profile URL from a number:
 * freelancer {@code <prefix>fl-<n>}, client {@code <prefix>cl-<n>}, job {@code <prefix>job-<n>}.
 */
public final class Marketplace {

    public static final String PROFILE_BASE = "https://marketplace.example/freelancers/";
    private static final String EMAIL_DOMAIN = "@bench.example";

    private final String prefix;
    private final Instant updatedAt;

    /** @param prefix distinguishes the facts of one stage from another's, for example {@code e2e-} */
    public Marketplace(String prefix, Instant updatedAt) {
        this.prefix = prefix;
        this.updatedAt = updatedAt;
    }

    public String freelancer(int n) {
        return prefix + "fl-" + n;
    }

    /** The number in a freelancer id of this marketplace, or -1 for any other id. */
    public long freelancerNumber(String accountId) {
        String prefixed = prefix + "fl-";
        if (!accountId.startsWith(prefixed)) {
            return -1;
        }
        return Long.parseLong(accountId.substring(prefixed.length()));
    }

    public String client(int n) {
        return prefix + "cl-" + n;
    }

    public String job(int n) {
        return prefix + "job-" + n;
    }

    public String email(String accountId) {
        return accountId + EMAIL_DOMAIN;
    }

    public String profileUrl(String accountId) {
        return PROFILE_BASE + accountId;
    }

    public void publishFreelancer(EventProducer producer, int n) {
        String id = freelancer(n);
        producer.send(Topics.ACCOUNTS, id, Account.newBuilder().setAccountId(id).setKind(AccountKind.FREELANCER)
                .setDisplayName("Freelancer " + n).setEmail(email(id)).setProfileUrl(profileUrl(id))
                .setStatus(AccountStatus.ACTIVE).setUpdatedAt(updatedAt).build());
    }

    public void publishClient(EventProducer producer, int n) {
        String id = client(n);
        producer.send(Topics.ACCOUNTS, id, Account.newBuilder().setAccountId(id).setKind(AccountKind.CLIENT)
                .setDisplayName("Client " + n).setEmail(email(id)).setProfileUrl(null)
                .setStatus(AccountStatus.ACTIVE).setUpdatedAt(updatedAt).build());
    }

    public void publishJob(EventProducer producer, int n, int client, JobVisibility visibility, JobStatus status) {
        String id = job(n);
        producer.send(Topics.JOBS, id, Job.newBuilder().setJobId(id).setClientId(client(client))
                .setTitle("Benchmark job " + n).setVisibility(visibility).setStatus(status).setUpdatedAt(updatedAt)
                .build());
    }

    /** The id of the invitation upstream sends the freelancer to the job (the INVITED row below carries it). */
    public String invitation(String jobId, String freelancerId) {
        return "inv-" + jobId + "-" + freelancerId;
    }

    /** An activity row; its event id is derived from what it says, as upstream's would be. */
    public void publishActivity(EventProducer producer, String jobId, String freelancerId, JobActivityKind kind) {
        String identity = kind + ":" + jobId + ":" + freelancerId;
        producer.send(Topics.JOB_ACTIVITY, jobId, JobActivity.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString())
                .setJobId(jobId).setFreelancerId(freelancerId).setKind(kind)
                .setInvitationId(kind == JobActivityKind.INVITED ? invitation(jobId, freelancerId) : null)
                .setReferralId(null).setOccurredAt(updatedAt).build());
    }
}
