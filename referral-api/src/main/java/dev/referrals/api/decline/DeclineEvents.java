package dev.referrals.api.decline;

import dev.referrals.events.InviteDeclined;
import dev.referrals.events.ReferralRequested;
import java.time.Instant;

/** The Avro events of a decline: always an InviteDeclined, and a ReferralRequested when a referral was made. */
final class DeclineEvents {

    private DeclineEvents() {
    }

    static InviteDeclined inviteDeclined(Decline decline, DeclineIds ids, Instant declinedAt) {
        return InviteDeclined.newBuilder()
                .setEventId(ids.eventId())
                .setInvitationId(decline.invitationId())
                .setJobId(decline.jobId())
                .setClientId(decline.clientId())
                .setFreelancerId(decline.freelancerId())
                .setReason(decline.reason())
                .setReasonText(decline.reasonText())
                .setDeclinedAt(declinedAt)
                .setReferralRequestId(ids.requestId())
                .build();
    }

    /** {@code null} when the decline carries no referral. */
    static ReferralRequested referralRequested(Decline decline, DeclineIds ids, Instant requestedAt) {
        if (!decline.hasReferral()) {
            return null;
        }
        return ReferralRequested.newBuilder()
                .setRequestId(ids.requestId())
                .setInvitationId(decline.invitationId())
                .setJobId(decline.jobId())
                .setClientId(decline.clientId())
                .setReferrerId(decline.freelancerId())
                .setReferee(decline.referral().referee().value())
                .setRefereeKind(decline.referral().referee().kind())
                .setRefereeFingerprintKeyId(decline.referral().referee().fingerprintKeyId())
                .setMessage(decline.referral().message())
                .setRequestedAt(requestedAt)
                .build();
    }
}
