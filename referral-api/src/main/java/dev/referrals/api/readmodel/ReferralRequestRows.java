package dev.referrals.api.readmodel;

import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRejected;
import dev.referrals.events.ReferralRequested;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code referral_requests}. Every write is an idempotent upsert by requestId, so a redelivered event
 * rewrites what is already there. The first decision wins and is never undone: a request arriving after its
 * decision only fills in what the decision did not carry (requestedAt, referee, message), never the status.
 */
@Component
public class ReferralRequestRows {

    private final JdbcClient jdbc;

    public ReferralRequestRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A PENDING row, unless the request is already known (then only its missing details are filled in). */
    public void recordRequested(ReferralRequested requested) {
        jdbc.sql("""
                INSERT INTO referral_requests (request_id, job_id, invitation_id, client_id, referrer_id, referee,
                                               referee_kind, message, status, requested_at)
                VALUES (:requestId, :jobId, :invitationId, :clientId, :referrerId, :referee,
                        :refereeKind, :message, 'PENDING', :requestedAt)
                ON CONFLICT (request_id) DO UPDATE SET
                    invitation_id = COALESCE(referral_requests.invitation_id, EXCLUDED.invitation_id),
                    client_id     = COALESCE(referral_requests.client_id, EXCLUDED.client_id),
                    referee       = COALESCE(referral_requests.referee, EXCLUDED.referee),
                    referee_kind  = COALESCE(referral_requests.referee_kind, EXCLUDED.referee_kind),
                    message       = COALESCE(referral_requests.message, EXCLUDED.message),
                    requested_at  = COALESCE(referral_requests.requested_at, EXCLUDED.requested_at)
                """)
                .param("requestId", requested.getRequestId())
                .param("jobId", requested.getJobId())
                .param("invitationId", requested.getInvitationId())
                .param("clientId", requested.getClientId())
                .param("referrerId", requested.getReferrerId())
                .param("referee", requested.getReferee())
                .param("refereeKind", requested.getRefereeKind().name())
                .param("message", requested.getMessage())
                .param("requestedAt", Timestamp.from(requested.getRequestedAt()))
                .update();
    }

    /** CREATED with its referralId, unless the request was already decided. */
    public void recordCreated(ReferralCreated created) {
        jdbc.sql("""
                INSERT INTO referral_requests (request_id, job_id, invitation_id, client_id, referrer_id, message,
                                               status, referral_id, decided_at)
                VALUES (:requestId, :jobId, :invitationId, :clientId, :referrerId, :message,
                        'CREATED', :referralId, :decidedAt)
                ON CONFLICT (request_id) DO UPDATE SET
                    invitation_id = COALESCE(referral_requests.invitation_id, EXCLUDED.invitation_id),
                    client_id     = COALESCE(referral_requests.client_id, EXCLUDED.client_id),
                    message       = COALESCE(referral_requests.message, EXCLUDED.message),
                    status        = CASE WHEN referral_requests.status = 'PENDING'
                                         THEN EXCLUDED.status ELSE referral_requests.status END,
                    referral_id   = CASE WHEN referral_requests.status = 'PENDING'
                                         THEN EXCLUDED.referral_id ELSE referral_requests.referral_id END,
                    decided_at    = CASE WHEN referral_requests.status = 'PENDING'
                                         THEN EXCLUDED.decided_at ELSE referral_requests.decided_at END
                """)
                .param("requestId", created.getRequestId())
                .param("jobId", created.getJobId())
                .param("invitationId", created.getInvitationId())
                .param("clientId", created.getClientId())
                .param("referrerId", created.getReferrerId())
                .param("message", created.getMessage())
                .param("referralId", created.getReferralId())
                .param("decidedAt", Timestamp.from(created.getCreatedAt()))
                .update();
    }

    /** REJECTED with its reason, unless the request was already decided. */
    public void recordRejected(ReferralRejected rejected) {
        jdbc.sql("""
                INSERT INTO referral_requests (request_id, job_id, referrer_id, status, rejection_reason, decided_at)
                VALUES (:requestId, :jobId, :referrerId, 'REJECTED', :reason, :decidedAt)
                ON CONFLICT (request_id) DO UPDATE SET
                    status           = CASE WHEN referral_requests.status = 'PENDING'
                                            THEN EXCLUDED.status ELSE referral_requests.status END,
                    rejection_reason = CASE WHEN referral_requests.status = 'PENDING'
                                            THEN EXCLUDED.rejection_reason
                                            ELSE referral_requests.rejection_reason END,
                    decided_at       = CASE WHEN referral_requests.status = 'PENDING'
                                            THEN EXCLUDED.decided_at ELSE referral_requests.decided_at END
                """)
                .param("requestId", rejected.getRequestId())
                .param("jobId", rejected.getJobId())
                .param("referrerId", rejected.getReferrerId())
                .param("reason", rejected.getReason().name())
                .param("decidedAt", Timestamp.from(rejected.getRejectedAt()))
                .update();
    }
}
