package dev.referrals.api.readmodel;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code invitations}, one row per (job, freelancer), from facts that may arrive in any order across
 * topics. One idempotent upsert merges each fact:
 * <ul>
 *   <li>REFERRAL wins over DIRECT: upstream may report the referee's invitation as a plain INVITED before the
 *       ReferralCreated arrives;</li>
 *   <li>referral id, referrer and message are kept once known;</li>
 *   <li>the status (and the invitation id it came with) is that of the latest fact by the time it happened, so a
 *       redelivered or older fact changes nothing.</li>
 * </ul>
 */
@Component
public class InvitationRows {

    private final JdbcClient jdbc;

    public InvitationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(InvitationFact fact) {
        jdbc.sql("""
                INSERT INTO invitations (job_id, freelancer_id, invitation_id, source, referral_id, referrer_id,
                                         message, status, status_changed_at)
                VALUES (:jobId, :freelancerId, :invitationId, :source, :referralId, :referrerId,
                        :message, :status, :at)
                ON CONFLICT (job_id, freelancer_id) DO UPDATE SET
                    source            = CASE WHEN invitations.source = 'REFERRAL' THEN 'REFERRAL'
                                             ELSE EXCLUDED.source END,
                    referral_id       = COALESCE(invitations.referral_id, EXCLUDED.referral_id),
                    referrer_id       = COALESCE(invitations.referrer_id, EXCLUDED.referrer_id),
                    message           = COALESCE(invitations.message, EXCLUDED.message),
                    invitation_id     = CASE WHEN EXCLUDED.status_changed_at >= invitations.status_changed_at
                                             THEN COALESCE(EXCLUDED.invitation_id, invitations.invitation_id)
                                             ELSE COALESCE(invitations.invitation_id, EXCLUDED.invitation_id)
                                        END,
                    status            = CASE WHEN EXCLUDED.status_changed_at >= invitations.status_changed_at
                                             THEN EXCLUDED.status ELSE invitations.status END,
                    status_changed_at = GREATEST(invitations.status_changed_at, EXCLUDED.status_changed_at)
                """)
                .param("jobId", fact.jobId())
                .param("freelancerId", fact.freelancerId())
                .param("invitationId", fact.invitationId())
                .param("source", fact.source().name())
                .param("referralId", fact.referralId())
                .param("referrerId", fact.referrerId())
                .param("message", fact.message())
                .param("status", fact.status().name())
                .param("at", Timestamp.from(fact.at()))
                .update();
    }
}
