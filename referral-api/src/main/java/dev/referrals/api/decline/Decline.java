package dev.referrals.api.decline;

import dev.referrals.events.DeclineReason;

/**
 * A decline that passed validation: what the events are made of.
 *
 * @param referral the referral made with the decline, or {@code null}
 */
public record Decline(
        String invitationId,
        String jobId,
        String clientId,
        String freelancerId,
        DeclineReason reason,
        String reasonText,
        Referral referral) {

    /** A referral: who was referred, and the optional message to the client. */
    public record Referral(Referee referee, String message) {
    }

    public boolean hasReferral() {
        return referral != null;
    }
}
