package dev.referrals.api.referrals;

import dev.referrals.api.paging.Page;
import dev.referrals.api.paging.PageQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the Referrals view. A referrer sees each of their requests with what became of it: PENDING, REJECTED with
 * the rule, or the referral's own status (INVITED, ACCEPTED, DECLINED). A referee sees the referrals created for
 * them, without the message, which was written to the client. Newest first.
 */
@Component
class FreelancerReferralsQuery {

    private final JdbcClient jdbc;

    FreelancerReferralsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<ReferralItem> given(String referrerId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM referral_requests WHERE referrer_id = :id")
                .param("id", referrerId)
                .query(Long.class)
                .single();
        List<ReferralItem> items = jdbc.sql("""
                SELECT r.request_id, r.referral_id, r.job_id, r.referrer_id, f.referee_id,
                       CASE WHEN r.status = 'CREATED' THEN COALESCE(f.status, 'INVITED') ELSE r.status END
                           AS status,
                       r.rejection_reason, r.message,
                       COALESCE(r.requested_at, r.decided_at) AS created_at
                FROM referral_requests r
                LEFT JOIN referrals f ON f.referral_id = r.referral_id
                WHERE r.referrer_id = :id
                ORDER BY COALESCE(r.requested_at, r.decided_at) DESC, r.request_id
                LIMIT :limit OFFSET :offset
                """)
                .param("id", referrerId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((row, number) -> new ReferralItem(
                        row.getString("request_id"),
                        row.getString("referral_id"),
                        row.getString("job_id"),
                        row.getString("referrer_id"),
                        row.getString("referee_id"),
                        row.getString("status"),
                        row.getString("rejection_reason"),
                        row.getString("message"),
                        instant(row.getTimestamp("created_at"))))
                .list();
        return Page.of(items, page, total);
    }

    Page<ReferralItem> received(String refereeId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM referrals WHERE referee_id = :id AND created_at IS NOT NULL")
                .param("id", refereeId)
                .query(Long.class)
                .single();
        List<ReferralItem> items = jdbc.sql("""
                SELECT request_id, referral_id, job_id, referrer_id, referee_id, status, created_at
                FROM referrals
                WHERE referee_id = :id AND created_at IS NOT NULL
                ORDER BY created_at DESC, referral_id
                LIMIT :limit OFFSET :offset
                """)
                .param("id", refereeId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query((row, number) -> new ReferralItem(
                        row.getString("request_id"),
                        row.getString("referral_id"),
                        row.getString("job_id"),
                        row.getString("referrer_id"),
                        row.getString("referee_id"),
                        row.getString("status"),
                        null,
                        null,
                        instant(row.getTimestamp("created_at"))))
                .list();
        return Page.of(items, page, total);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
