package dev.referrals.api.readmodel;

import dev.referrals.marketplace.JobActivity;
import dev.referrals.marketplace.JobActivityKind;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * marketplace.job-activity → invitations: INVITED adds the invitation (DIRECT, or REFERRAL when upstream names the
 * referral), INVITATION_ACCEPTED and INVITATION_DECLINED set its status. Proposals and hires are not invitations and
 * are skipped.
 *
 * <p>Redelivery: the upsert by (job, freelancer) keeps the latest fact by {@code occurredAt}, so a redelivered
 * activity changes nothing; an INVITED never turns a REFERRAL invitation into a DIRECT one.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class JobActivityListener {

    private static final Map<JobActivityKind, InvitationStatus> INVITATION_STATUS = Map.of(
            JobActivityKind.INVITED, InvitationStatus.INVITED,
            JobActivityKind.INVITATION_ACCEPTED, InvitationStatus.ACCEPTED,
            JobActivityKind.INVITATION_DECLINED, InvitationStatus.DECLINED);

    private final InvitationRows invitations;

    JobActivityListener(InvitationRows invitations) {
        this.invitations = invitations;
    }

    @KafkaListener(id = ListenerGroups.JOB_ACTIVITY,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).JOB_ACTIVITY)}")
    void on(JobActivity activity) {
        InvitationStatus status = INVITATION_STATUS.get(activity.getKind());
        if (status == null) {
            return;
        }
        InvitationSource source = activity.getReferralId() == null
                ? InvitationSource.DIRECT
                : InvitationSource.REFERRAL;
        invitations.record(new InvitationFact(activity.getJobId(), activity.getFreelancerId(),
                activity.getInvitationId(), source, activity.getReferralId(), null, null, status,
                activity.getOccurredAt()));
    }
}
