package dev.referrals.api.invitations;

import dev.referrals.api.readmodel.InvitationSource;
import dev.referrals.api.readmodel.InvitationStatus;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a job's invitations from the read model. */
@Component
class JobInvitationsQuery {

    private final JdbcClient jdbc;

    JobInvitationsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<JobInvitation> of(String jobId) {
        return jdbc.sql("""
                SELECT freelancer_id, invitation_id, source, referral_id, referrer_id, message, status
                FROM invitations WHERE job_id = :jobId
                ORDER BY first_seen_at, freelancer_id
                """)
                .param("jobId", jobId)
                .query((row, number) -> new JobInvitation(
                        row.getString("freelancer_id"),
                        row.getString("invitation_id"),
                        InvitationSource.valueOf(row.getString("source")),
                        row.getString("referral_id"),
                        row.getString("referrer_id"),
                        row.getString("message"),
                        InvitationStatus.valueOf(row.getString("status"))))
                .list();
    }
}
