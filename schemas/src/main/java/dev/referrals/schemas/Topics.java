package dev.referrals.schemas;

import static dev.referrals.schemas.CleanupPolicy.COMPACT;
import static dev.referrals.schemas.CleanupPolicy.DELETE;

import dev.referrals.events.InviteDeclined;
import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.ReferralStatusChanged;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.Job;
import dev.referrals.marketplace.JobActivity;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every topic the pipeline produces or consumes. No service or test spells a topic name on its own.
 *
 * <p>Every referral topic is keyed by jobId, so all decisions about one job go through one partition, in order.
 */
public final class Topics {

    /** Partitions of every topic: room for a few consumers per group, small enough for one broker. */
    public static final int DEFAULT_PARTITIONS = 6;

    // Produced by this project: the analytics contract.

    public static final Topic<String, InviteDeclined> INVITE_DECLINED = new Topic<>(
            "referrals.invite-declined", String.class, InviteDeclined.class, DEFAULT_PARTITIONS, DELETE, "jobId");

    public static final Topic<String, ReferralRequested> REFERRAL_REQUESTED = new Topic<>(
            "referrals.referral-requested", String.class, ReferralRequested.class, DEFAULT_PARTITIONS, DELETE, "jobId");

    public static final Topic<String, ReferralCreated> REFERRAL_CREATED = new Topic<>(
            "referrals.referral-created", String.class, ReferralCreated.class, DEFAULT_PARTITIONS, DELETE, "jobId");

    public static final Topic<String, ReferralRejected> REFERRAL_REJECTED = new Topic<>(
            "referrals.referral-rejected", String.class, ReferralRejected.class, DEFAULT_PARTITIONS, DELETE, "jobId");

    public static final Topic<String, ReferralStatusChanged> REFERRAL_STATUS_CHANGED = new Topic<>(
            "referrals.referral-status-changed", String.class, ReferralStatusChanged.class, DEFAULT_PARTITIONS, DELETE,
            "jobId");

    // Consumed from upstream: the contract we publish for upstream services.

    public static final Topic<String, Account> ACCOUNTS = new Topic<>(
            "marketplace.accounts", String.class, Account.class, DEFAULT_PARTITIONS, COMPACT, "accountId");

    public static final Topic<String, Job> JOBS = new Topic<>(
            "marketplace.jobs", String.class, Job.class, DEFAULT_PARTITIONS, COMPACT, "jobId");

    public static final Topic<String, JobActivity> JOB_ACTIVITY = new Topic<>(
            "marketplace.job-activity", String.class, JobActivity.class, DEFAULT_PARTITIONS, DELETE, "jobId");

    /** The topics this project produces. */
    public static final List<Topic<String, ?>> PRODUCED = List.of(
            INVITE_DECLINED, REFERRAL_REQUESTED, REFERRAL_CREATED, REFERRAL_REJECTED, REFERRAL_STATUS_CHANGED);

    /** The upstream topics this project consumes. */
    public static final List<Topic<String, ?>> UPSTREAM = List.of(ACCOUNTS, JOBS, JOB_ACTIVITY);

    /** Every topic, produced ones first. */
    public static final List<Topic<String, ?>> ALL = List.of(
            INVITE_DECLINED, REFERRAL_REQUESTED, REFERRAL_CREATED, REFERRAL_REJECTED, REFERRAL_STATUS_CHANGED,
            ACCOUNTS, JOBS, JOB_ACTIVITY);

    private Topics() {
    }

    /** The catalogue entry with this base name, if any. */
    public static Optional<Topic<String, ?>> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }
}
