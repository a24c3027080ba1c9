package dev.referrals.api.readmodel;

import dev.referrals.events.ReferralCreated;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * referrals.referral-created → the request CREATED with its referralId, the referral INVITED, and the referee's
 * invitation to the job marked REFERRAL with its referrer and message; in one database transaction.
 *
 * <p>Redelivery: each write is an idempotent upsert (by requestId, referralId, and job and referee), so a
 * redelivered ReferralCreated rewrites the same values; a referral already answered keeps its answer.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class ReferralCreatedListener {

    private final ReferralRequestRows requests;
    private final ReferralRows referrals;
    private final InvitationRows invitations;

    ReferralCreatedListener(ReferralRequestRows requests, ReferralRows referrals, InvitationRows invitations) {
        this.requests = requests;
        this.referrals = referrals;
        this.invitations = invitations;
    }

    @KafkaListener(id = ListenerGroups.REFERRAL_CREATED,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).REFERRAL_CREATED)}")
    @Transactional
    public void on(ReferralCreated created) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("requestId", created.getRequestId())) {
            requests.recordCreated(created);
            referrals.recordCreated(created);
            invitations.record(new InvitationFact(created.getJobId(), created.getRefereeId(), null,
                    InvitationSource.REFERRAL, created.getReferralId(), created.getReferrerId(), created.getMessage(),
                    InvitationStatus.INVITED, created.getCreatedAt()));
        }
    }
}
