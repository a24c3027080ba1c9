package dev.referrals.api.readmodel;

import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralStatusChanged;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code referrals}: idempotent upserts by referralId. The status follows the latest answer by the time it
 * was given ({@code changedAt}); a creation never resets an answer that arrived before it, and a redelivered or
 * older answer changes nothing.
 */
@Component
public class ReferralRows {

    private final JdbcClient jdbc;

    public ReferralRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void recordCreated(ReferralCreated created) {
        jdbc.sql("""
                INSERT INTO referrals (referral_id, request_id, job_id, client_id, referrer_id, referee_id, message,
                                       status, created_at)
                VALUES (:referralId, :requestId, :jobId, :clientId, :referrerId, :refereeId, :message,
                        'INVITED', :createdAt)
                ON CONFLICT (referral_id) DO UPDATE SET
                    request_id  = EXCLUDED.request_id,
                    client_id   = EXCLUDED.client_id,
                    referrer_id = EXCLUDED.referrer_id,
                    message     = EXCLUDED.message,
                    created_at  = EXCLUDED.created_at
                """)
                .param("referralId", created.getReferralId())
                .param("requestId", created.getRequestId())
                .param("jobId", created.getJobId())
                .param("clientId", created.getClientId())
                .param("referrerId", created.getReferrerId())
                .param("refereeId", created.getRefereeId())
                .param("message", created.getMessage())
                .param("createdAt", Timestamp.from(created.getCreatedAt()))
                .update();
    }

    /** ACCEPTED or DECLINED; a symbol this reader does not know (UNKNOWN) changes nothing. */
    public void recordStatusChanged(ReferralStatusChanged changed, InvitationStatus status) {
        jdbc.sql("""
                INSERT INTO referrals (referral_id, job_id, referee_id, status, status_changed_at)
                VALUES (:referralId, :jobId, :refereeId, :status, :changedAt)
                ON CONFLICT (referral_id) DO UPDATE SET
                    status            = EXCLUDED.status,
                    status_changed_at = EXCLUDED.status_changed_at
                WHERE referrals.status_changed_at IS NULL
                   OR referrals.status_changed_at <= EXCLUDED.status_changed_at
                """)
                .param("referralId", changed.getReferralId())
                .param("jobId", changed.getJobId())
                .param("refereeId", changed.getRefereeId())
                .param("status", status.name())
                .param("changedAt", Timestamp.from(changed.getChangedAt()))
                .update();
    }
}
