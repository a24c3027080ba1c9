package dev.referrals.api.support;

import dev.referrals.events.InviteDeclined;
import dev.referrals.events.DeclineReason;
import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralRequested;
import dev.referrals.events.ReferralStatus;
import dev.referrals.events.ReferralStatusChanged;
import dev.referrals.events.RejectionReason;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.marketplace.JobActivityKind;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events as the API, the processor and upstream services publish them, for tests to put on the topics. */
public final class Events {

    /** A fixed point in time; tests add to it to order facts. Millisecond precision, as on the wire. */
    public static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private Events() {
    }

    public static String id(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    public static Instant at(long secondsAfterT0) {
        return T0.plus(secondsAfterT0, ChronoUnit.SECONDS);
    }

    public static ReferralRequested requested(String requestId, String jobId, String referrerId, Instant at) {
        return ReferralRequested.newBuilder()
                .setRequestId(requestId)
                .setInvitationId("invitation-of-" + referrerId)
                .setJobId(jobId)
                .setClientId("client-of-" + jobId)
                .setReferrerId(referrerId)
                .setReferee("https://marketplace.example/freelancers/someone")
                .setRefereeKind(RefereeKind.PROFILE_URL)
                .setMessage("Worth a look")
                .setRequestedAt(at)
                .build();
    }

    public static ReferralCreated created(String referralId, String requestId, String jobId, String referrerId,
                                          String refereeId, Instant at) {
        return ReferralCreated.newBuilder()
                .setReferralId(referralId)
                .setRequestId(requestId)
                .setInvitationId("invitation-of-" + referrerId)
                .setJobId(jobId)
                .setClientId("client-of-" + jobId)
                .setReferrerId(referrerId)
                .setRefereeId(refereeId)
                .setMessage("Worth a look")
                .setCreatedAt(at)
                .build();
    }

    public static ReferralRejected rejected(String requestId, String jobId, String referrerId, RejectionReason reason,
                                            Instant at) {
        return ReferralRejected.newBuilder()
                .setRequestId(requestId)
                .setJobId(jobId)
                .setReferrerId(referrerId)
                .setReason(reason)
                .setRejectedAt(at)
                .build();
    }

    public static ReferralStatusChanged statusChanged(String referralId, String jobId, String refereeId,
                                                      ReferralStatus status, Instant at) {
        return ReferralStatusChanged.newBuilder()
                .setReferralId(referralId)
                .setJobId(jobId)
                .setRefereeId(refereeId)
                .setStatus(status)
                .setChangedAt(at)
                .build();
    }

    public static InviteDeclined declined(String jobId, String freelancerId, String invitationId, Instant at) {
        return InviteDeclined.newBuilder()
                .setEventId(id("event"))
                .setInvitationId(invitationId)
                .setJobId(jobId)
                .setClientId("client-of-" + jobId)
                .setFreelancerId(freelancerId)
                .setReason(DeclineReason.TOO_BUSY)
                .setDeclinedAt(at)
                .build();
    }

    public static JobActivity activity(String jobId, String freelancerId, JobActivityKind kind, String invitationId,
                                       String referralId, Instant at) {
        return JobActivity.newBuilder()
                .setEventId(id("activity"))
                .setJobId(jobId)
                .setFreelancerId(freelancerId)
                .setKind(kind)
                .setInvitationId(invitationId)
                .setReferralId(referralId)
                .setOccurredAt(at)
                .build();
    }

    public static Account account(String accountId, AccountKind kind, AccountStatus status, String displayName,
                                  Instant updatedAt) {
        return Account.newBuilder()
                .setAccountId(accountId)
                .setKind(kind)
                .setDisplayName(displayName)
                .setEmail(accountId + "@mail.example")
                .setProfileUrl("https://marketplace.example/freelancers/" + accountId)
                .setStatus(status)
                .setUpdatedAt(updatedAt)
                .build();
    }
}
