package dev.referrals.processor.decision;

import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.RejectionReason;
import dev.referrals.processor.eligibility.Decision;
import dev.referrals.processor.eligibility.EligibilityRules;
import dev.referrals.processor.events.OutgoingEvent;
import dev.referrals.schemas.Topics;
import java.time.Instant;
import java.util.Objects;

/**
 * The one decision made for a request (I2), as stored in the ledger: everything its outcome event holds, so that a
 * redelivered request republishes that event with identical content.
 *
 * @param requestId    the request decided
 * @param outcome      created or rejected
 * @param jobId        the job, also the event key
 * @param clientId     for a created referral, the job's client as the ledger knows it (whom the email goes to);
 *                     for a rejection, the client the request named, kept for the record and never published
 * @param invitationId the invitation the referrer declined
 * @param referrerId   the freelancer who refers
 * @param message      the referrer's message to the client, kept only for a created referral
 * @param reason       why it was rejected; null when created
 * @param rule         the name of the rule that rejected it; null when created
 * @param referralId   the referral made; null when rejected
 * @param refereeId    the referred freelancer's account; null when rejected
 * @param decidedAt    when it was decided, in milliseconds as Avro's timestamp-millis carries it
 */
public record ReferralDecision(
        String requestId, Outcome outcome, String jobId, String clientId, String invitationId, String referrerId,
        String message, RejectionReason reason, String rule, String referralId, String refereeId, Instant decidedAt) {

    /** What was decided. */
    public enum Outcome { CREATED, REJECTED }

    public ReferralDecision {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (outcome == Outcome.CREATED) {
            Objects.requireNonNull(referralId, "referralId");
            Objects.requireNonNull(refereeId, "refereeId");
        } else {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(rule, "rule");
        }
    }

    static ReferralDecision referralCreated(ReferralRequested request, String referralId, Decision.Eligible eligible,
                                            Instant decidedAt) {
        return new ReferralDecision(request.getRequestId(), Outcome.CREATED, request.getJobId(), eligible.clientId(),
                request.getInvitationId(), request.getReferrerId(), request.getMessage(), null, null, referralId,
                eligible.refereeId(), decidedAt);
    }

    static ReferralDecision referralRejected(ReferralRequested request, String rule, RejectionReason reason,
                                             Instant decidedAt) {
        return new ReferralDecision(request.getRequestId(), Outcome.REJECTED, request.getJobId(),
                request.getClientId(), request.getInvitationId(), request.getReferrerId(), null, reason, rule, null,
                null, decidedAt);
    }

    public boolean created() {
        return outcome == Outcome.CREATED;
    }

    /** Whether this decision used up the request's invitation, so that no later request may decline it (R1). */
    public boolean declinesTheInvitation() {
        return EligibilityRules.declinesTheInvitation(
                created() ? new Decision.Eligible(refereeId, clientId) : new Decision.Rejected(rule, reason));
    }

    /** The outcome event; built only from this record, so it is the same every time it is published. */
    public OutgoingEvent outcomeEvent() {
        if (created()) {
            return new OutgoingEvent(Topics.REFERRAL_CREATED, jobId, ReferralCreated.newBuilder()
                    .setReferralId(referralId)
                    .setRequestId(requestId)
                    .setInvitationId(invitationId)
                    .setJobId(jobId)
                    .setClientId(clientId)
                    .setReferrerId(referrerId)
                    .setRefereeId(refereeId)
                    .setMessage(message)
                    .setCreatedAt(decidedAt)
                    .build(), requestId);
        }
        return new OutgoingEvent(Topics.REFERRAL_REJECTED, jobId, ReferralRejected.newBuilder()
                .setRequestId(requestId)
                .setJobId(jobId)
                .setReferrerId(referrerId)
                .setReason(reason)
                .setRejectedAt(decidedAt)
                .build(), requestId);
    }
}
