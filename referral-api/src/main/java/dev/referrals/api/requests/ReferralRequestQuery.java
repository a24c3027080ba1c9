package dev.referrals.api.requests;

import dev.referrals.api.readmodel.RequestStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads one referral request from the read model. */
@Component
class ReferralRequestQuery {

    private final JdbcClient jdbc;

    ReferralRequestQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReferralRequestView> find(String requestId) {
        return jdbc.sql("""
                SELECT request_id, job_id, referrer_id, status, referral_id, rejection_reason, requested_at,
                       decided_at
                FROM referral_requests WHERE request_id = :requestId
                """)
                .param("requestId", requestId)
                .query(ReferralRequestQuery::view)
                .optional();
    }

    private static ReferralRequestView view(ResultSet row, int number) throws SQLException {
        return new ReferralRequestView(
                row.getString("request_id"),
                row.getString("job_id"),
                row.getString("referrer_id"),
                RequestStatus.valueOf(row.getString("status")),
                row.getString("referral_id"),
                row.getString("rejection_reason"),
                instant(row.getTimestamp("requested_at")),
                instant(row.getTimestamp("decided_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
