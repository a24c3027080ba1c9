package dev.referrals.processor.eligibility;

import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the eligibility rules look at for one referral request, read from the ledger in one go.
 *
 * @param referrerId the freelancer who declined and refers
 * @param job        the job, if the ledger knows it
 * @param referee    the account the URL or email resolved to, if any
 * @param onJob      what the ledger knows of the referee and the referrer on this job
 */
public record ReferralSnapshot(String referrerId, Optional<Job> job, Optional<Referee> referee, OnJob onJob) {

    public ReferralSnapshot {
        Objects.requireNonNull(referrerId, "referrerId");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(referee, "referee");
        Objects.requireNonNull(onJob, "onJob");
    }

    /** The job as the rules see it. */
    public record Job(String jobId, JobVisibility visibility, JobStatus status) {
    }

    /** The account a referral names. */
    public record Referee(String accountId, AccountKind kind, AccountStatus status) {

        /** Only an active freelancer can be referred (R3). */
        public boolean isActiveFreelancer() {
            return kind == AccountKind.FREELANCER && status == AccountStatus.ACTIVE;
        }
    }

    /**
     * The facts about people on the job that decide R4 to R7.
     *
     * @param referrerAlreadyReferred the referrer already has a referral on this job (R4)
     * @param refereeProposed         the referee submitted a proposal to this job (R5)
     * @param refereeAlreadyReferred  someone already referred the referee for this job (R6)
     * @param refereeInvitedOrHired   the client invited or hired the referee for this job (R7)
     */
    public record OnJob(boolean referrerAlreadyReferred, boolean refereeProposed, boolean refereeAlreadyReferred,
                        boolean refereeInvitedOrHired) {

        public static final OnJob NOTHING_YET = new OnJob(false, false, false, false);
    }
}
