package dev.referrals.api.readmodel;

import java.time.Instant;

/**
 * One thing learnt about a freelancer's invitation to a job, from whichever topic told it.
 *
 * @param invitationId upstream invitation id, when the fact carries one
 * @param source       REFERRAL when the fact shows the invitation came from a referral, else DIRECT
 * @param referralId   the referral behind the invitation, when known
 * @param referrerId   who referred the freelancer, when known
 * @param message      the referrer's message to the client, when known
 * @param status       the invitation's status as of this fact
 * @param at           when the fact happened; the latest fact decides the status
 */
public record InvitationFact(
        String jobId,
        String freelancerId,
        String invitationId,
        InvitationSource source,
        String referralId,
        String referrerId,
        String message,
        InvitationStatus status,
        Instant at) {

    public static InvitationFact direct(String jobId, String freelancerId, String invitationId,
                                        InvitationStatus status, Instant at) {
        return new InvitationFact(jobId, freelancerId, invitationId, InvitationSource.DIRECT, null, null, null,
                status, at);
    }
}
