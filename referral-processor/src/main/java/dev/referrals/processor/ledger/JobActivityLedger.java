package dev.referrals.processor.ledger;

import dev.referrals.marketplace.JobActivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who was invited (with which invitation id, for R1), proposed, hired or answered on which job (R5, R7), each event
 * once.
 */
@Component
public class JobActivityLedger {

    private final JdbcClient jdbc;

    public JobActivityLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the activity once: a redelivered event (same eventId) changes nothing. */
    public void record(JobActivity activity) {
        jdbc.sql("""
                insert into job_activity
                       (event_id, job_id, freelancer_id, kind, invitation_id, referral_id, occurred_at)
                values (:eventId, :jobId, :freelancerId, :kind, :invitationId, :referralId, :occurredAt)
                on conflict (event_id) do nothing
                """)
                .param("eventId", activity.getEventId())
                .param("jobId", activity.getJobId())
                .param("freelancerId", activity.getFreelancerId())
                .param("kind", activity.getKind().name())
                .param("invitationId", activity.getInvitationId())
                .param("referralId", activity.getReferralId())
                .param("occurredAt", LedgerTime.column(activity.getOccurredAt()))
                .update();
    }
}
