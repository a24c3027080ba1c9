package dev.referrals.api.readmodel;

import dev.referrals.events.InviteDeclined;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * referrals.invite-declined → the decliner's invitation to the job DECLINED, so the client's view of the job
 * (R12) shows the referrer's own invitation next to the referral it led to. Declines published by upstream services
 * directly, not through this API, are shown as well.
 *
 * <p>Redelivery: the upsert keeps the latest fact by time, so a redelivered decline changes nothing.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class InviteDeclinedListener {

    private final InvitationRows invitations;

    InviteDeclinedListener(InvitationRows invitations) {
        this.invitations = invitations;
    }

    @KafkaListener(id = ListenerGroups.INVITE_DECLINED,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).INVITE_DECLINED)}")
    void on(InviteDeclined declined) {
        invitations.record(InvitationFact.direct(declined.getJobId(), declined.getFreelancerId(),
                declined.getInvitationId(), InvitationStatus.DECLINED, declined.getDeclinedAt()));
    }
}
