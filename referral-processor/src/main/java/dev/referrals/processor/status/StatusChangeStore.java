package dev.referrals.processor.status;

import dev.referrals.events.ReferralStatus;
import dev.referrals.events.ReferralStatusChanged;
import dev.referrals.processor.ledger.LedgerTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The answers to referral invitations, each kept as the ReferralStatusChanged it was published as. */
@Component
class StatusChangeStore {

    private final JdbcClient jdbc;

    StatusChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A referral this processor created. */
    record Referral(String referralId, String jobId, String refereeId) {
    }

    Optional<ReferralStatusChanged> byEventId(String eventId) {
        return jdbc.sql("""
                        select referral_id, job_id, referee_id, status, changed_at
                          from referral_status_change where event_id = :eventId
                        """)
                .param("eventId", eventId)
                .query((row, i) -> change(row))
                .optional();
    }

    Optional<ReferralStatusChanged> byReferralAndStatus(String referralId, ReferralStatus status) {
        return jdbc.sql("""
                        select referral_id, job_id, referee_id, status, changed_at
                          from referral_status_change where referral_id = :referralId and status = :status
                        """)
                .param("referralId", referralId)
                .param("status", status.name())
                .query((row, i) -> change(row))
                .optional();
    }

    Optional<Referral> referral(String referralId) {
        return jdbc.sql("select referral_id, job_id, referee_id from referral where referral_id = :referralId")
                .param("referralId", referralId)
                .query((row, i) -> new Referral(
                        row.getString("referral_id"), row.getString("job_id"), row.getString("referee_id")))
                .optional();
    }

    /**
     * Keeps the change under its event id, and moves the referral to its status unless a later answer is already
     * there (answers may arrive out of order across redeliveries).
     */
    void record(String eventId, ReferralStatusChanged change) {
        jdbc.sql("""
                        insert into referral_status_change
                               (event_id, referral_id, job_id, referee_id, status, changed_at)
                        values (:eventId, :referralId, :jobId, :refereeId, :status, :changedAt)
                        """)
                .param("eventId", eventId)
                .param("referralId", change.getReferralId())
                .param("jobId", change.getJobId())
                .param("refereeId", change.getRefereeId())
                .param("status", change.getStatus().name())
                .param("changedAt", LedgerTime.column(change.getChangedAt()))
                .update();
        jdbc.sql("""
                        update referral set status = :status, status_changed_at = :changedAt
                         where referral_id = :referralId
                           and (status_changed_at is null or status_changed_at <= :changedAt)
                        """)
                .param("referralId", change.getReferralId())
                .param("status", change.getStatus().name())
                .param("changedAt", LedgerTime.column(change.getChangedAt()))
                .update();
    }

    private static ReferralStatusChanged change(ResultSet row) throws SQLException {
        Instant changedAt = LedgerTime.read(row, "changed_at");
        return ReferralStatusChanged.newBuilder()
                .setReferralId(row.getString("referral_id"))
                .setJobId(row.getString("job_id"))
                .setRefereeId(row.getString("referee_id"))
                .setStatus(ReferralStatus.valueOf(row.getString("status")))
                .setChangedAt(changedAt)
                .build();
    }
}
