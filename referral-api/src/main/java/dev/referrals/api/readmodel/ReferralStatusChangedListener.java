package dev.referrals.api.readmodel;

import dev.referrals.events.ReferralStatus;
import dev.referrals.events.ReferralStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * referrals.referral-status-changed → the referral and the referee's invitation ACCEPTED or DECLINED, in one
 * database transaction. A status this reader does not know (read as UNKNOWN) is skipped.
 *
 * <p>Redelivery: both upserts keep the answer with the latest {@code changedAt}, so a redelivered (or older) answer
 * changes nothing.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class ReferralStatusChangedListener {

    private static final Logger log = LoggerFactory.getLogger(ReferralStatusChangedListener.class);

    private final ReferralRows referrals;
    private final InvitationRows invitations;

    ReferralStatusChangedListener(ReferralRows referrals, InvitationRows invitations) {
        this.referrals = referrals;
        this.invitations = invitations;
    }

    @KafkaListener(id = ListenerGroups.REFERRAL_STATUS_CHANGED,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).REFERRAL_STATUS_CHANGED)}")
    @Transactional
    public void on(ReferralStatusChanged changed) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("referralId", changed.getReferralId())) {
            if (changed.getStatus() == ReferralStatus.UNKNOWN) {
                log.warn("skipped a status change of a kind this reader does not know");
                return;
            }
            InvitationStatus status = changed.getStatus() == ReferralStatus.ACCEPTED
                    ? InvitationStatus.ACCEPTED
                    : InvitationStatus.DECLINED;
            referrals.recordStatusChanged(changed, status);
            invitations.record(new InvitationFact(changed.getJobId(), changed.getRefereeId(), null,
                    InvitationSource.REFERRAL, changed.getReferralId(), null, null, status, changed.getChangedAt()));
        }
    }
}
