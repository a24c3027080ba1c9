package dev.referrals.processor.eligibility;

import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the eligibility rules look at for one referral request, read from the ledger in one go.
 *
 * @param referrerId the freelancer who declined and refers
 * @param clientId   the client the request names; the rules compare it with the job's client in the ledger
 * @param job        the job, if the ledger knows it
 * @param referee    the account the URL or email resolved to, if any
 * @param invitation what the ledger knows of the invitation the referrer declines (R1)
 * @param onJob      what the ledger knows of the referee and the referrer on this job
 */
public record ReferralSnapshot(String referrerId, String clientId, Optional<Job> job, Optional<Referee> referee,
                               Invitation invitation, OnJob onJob) {

    public ReferralSnapshot {
        Objects.requireNonNull(referrerId, "referrerId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(referee, "referee");
        Objects.requireNonNull(invitation, "invitation");
        Objects.requireNonNull(onJob, "onJob");
    }

    /** The job as the rules see it; {@code clientId} is its owner as upstream published it. */
    public record Job(String jobId, String clientId, JobVisibility visibility, JobStatus status) {
    }

    /** The account a referral names. */
    public record Referee(String accountId, AccountKind kind, AccountStatus status) {

        /** Only an active freelancer can be referred (R3). */
        public boolean isActiveFreelancer() {
            return kind == AccountKind.FREELANCER && status == AccountStatus.ACTIVE;
        }
    }

    /**
     * The invitation the referrer declines while referring (R1), next to the invitations upstream sent the referrer
     * that the ledger found for it: those to this job, and any with this id.
     *
     * @param jobId           the job the request is about
     * @param invitationId    the invitation the request says the referrer declines
     * @param sentToReferrer  invitations upstream sent the referrer (JobActivity INVITED)
     * @param alreadyDeclined another request already declined this invitation with a referral
     */
    public record Invitation(String jobId, String invitationId, Set<Sent> sentToReferrer, boolean alreadyDeclined) {

        public Invitation {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(invitationId, "invitationId");
            sentToReferrer = Set.copyOf(sentToReferrer);
        }

        /** Upstream invited the referrer to this job with this very invitation. */
        public boolean heldByReferrer() {
            return sentToReferrer.contains(new Sent(jobId, invitationId));
        }

        /** An invitation upstream sent: to which job, with which id. */
        public record Sent(String jobId, String invitationId) {
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
