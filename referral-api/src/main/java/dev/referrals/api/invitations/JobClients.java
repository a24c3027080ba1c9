package dev.referrals.api.invitations;

import dev.referrals.marketplace.Job;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code job_clients}: each job's client, as marketplace.jobs says. An update older than the row
 * ({@code updatedAt}) changes nothing.
 */
@Component
class JobClients {

    private final JdbcClient jdbc;

    JobClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Job job) {
        jdbc.sql("""
                INSERT INTO job_clients (job_id, client_id, updated_at) VALUES (:jobId, :clientId, :updatedAt)
                ON CONFLICT (job_id) DO UPDATE SET client_id = EXCLUDED.client_id, updated_at = EXCLUDED.updated_at
                WHERE job_clients.updated_at <= EXCLUDED.updated_at
                """)
                .param("jobId", job.getJobId())
                .param("clientId", job.getClientId())
                .param("updatedAt", Timestamp.from(job.getUpdatedAt()))
                .update();
    }

    void erase(String jobId) {
        jdbc.sql("DELETE FROM job_clients WHERE job_id = :jobId").param("jobId", jobId).update();
    }

    /** The job's client; empty while marketplace.jobs has not named the job. */
    Optional<String> clientOf(String jobId) {
        return jdbc.sql("SELECT client_id FROM job_clients WHERE job_id = :jobId")
                .param("jobId", jobId)
                .query(String.class)
                .optional();
    }
}
