package dev.referrals.processor.ledger;

import dev.referrals.marketplace.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The jobs as the rules see them: owner, visibility (R8) and status. */
@Component
public class JobLedger {

    private final JdbcClient jdbc;

    public JobLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies a job fact idempotently: an older {@code updatedAt} than the stored one changes nothing. */
    public void record(Job job) {
        jdbc.sql("""
                insert into job (job_id, client_id, visibility, status, updated_at)
                values (:jobId, :clientId, :visibility, :status, :updatedAt)
                on conflict (job_id) do update
                   set client_id = excluded.client_id,
                       visibility = excluded.visibility,
                       status = excluded.status,
                       updated_at = excluded.updated_at
                 where job.updated_at <= excluded.updated_at
                """)
                .param("jobId", job.getJobId())
                .param("clientId", job.getClientId())
                .param("visibility", job.getVisibility().name())
                .param("status", job.getStatus().name())
                .param("updatedAt", LedgerTime.column(job.getUpdatedAt()))
                .update();
    }
}
