package dev.referrals.localrun.seed;

import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import java.util.List;

/**
 * The upstream facts of a seed file, checked and ready to publish: accounts, jobs, and who was invited to, proposed
 * on or was hired for which job. See {@code local-run/README.md} for the file format.
 */
public record Seed(List<Account> accounts, List<Job> jobs, List<Activity> activities) {

    public Seed {
        accounts = List.copyOf(accounts);
        jobs = List.copyOf(jobs);
        activities = List.copyOf(activities);
    }

    /** A marketplace account. {@code profileUrl} is null for clients. */
    public record Account(String id, AccountKind kind, String name, String email, String profileUrl,
                          AccountStatus status) {
    }

    /** A job posted by a client. */
    public record Job(String id, String clientId, String title, JobVisibility visibility, JobStatus status) {
    }

    /** An invitation, a proposal or a hire. {@code invitationId} is set for invitations only. */
    public record Activity(JobActivityKind kind, String jobId, String freelancerId, String invitationId) {
    }
}
