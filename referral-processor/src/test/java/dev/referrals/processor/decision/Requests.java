package dev.referrals.processor.decision;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import java.time.Instant;
import java.util.UUID;

/** Referral requests for tests. */
final class Requests {

    private Requests() {
    }

    static ReferralRequested request(String jobId, String referrerId, RefereeKind kind, String referee,
                                     Instant requestedAt) {
        return ReferralRequested.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setInvitationId("invitation-" + UUID.randomUUID())
                .setJobId(jobId)
                .setClientId("client-of-" + jobId)
                .setReferrerId(referrerId)
                .setReferee(referee)
                .setRefereeKind(kind)
                .setMessage("I am booked, but " + referee + " is great")
                .setRequestedAt(requestedAt)
                .build();
    }
}
