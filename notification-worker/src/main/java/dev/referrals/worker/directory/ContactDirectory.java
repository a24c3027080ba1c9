package dev.referrals.worker.directory;

import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.Job;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The worker's own read model of {@code marketplace.accounts} and {@code marketplace.jobs}: names, emails and job
 * titles for the emails, in the {@code contacts} and {@code jobs} tables.
 *
 * <p>Writes are idempotent and only move forward: an update whose {@code updatedAt} is not newer than the stored
 * one changes nothing, so a redelivered or reordered fact cannot bring back an older name or address. Erasure is
 * final: once a tombstone erased an account, no later Account record for that id brings personal data back, because a
 * replay of the compacted topic may still hold the account's older records.
 */
@Repository
public class ContactDirectory {

    private final JdbcClient jdbc;

    public ContactDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the account unless the stored one is as new or newer, or erased. Returns whether it changed. */
    public boolean save(Account account) {
        return jdbc.sql("""
                        INSERT INTO contacts (account_id, kind, display_name, email, status, erased, updated_at)
                        VALUES (:accountId, :kind, :displayName, :email, :status, FALSE, :updatedAt)
                        ON CONFLICT (account_id) DO UPDATE
                           SET kind = EXCLUDED.kind, display_name = EXCLUDED.display_name, email = EXCLUDED.email,
                               status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
                         WHERE NOT contacts.erased AND contacts.updated_at < EXCLUDED.updated_at
                        """)
                .param("accountId", account.getAccountId())
                .param("kind", account.getKind().name())
                .param("displayName", account.getDisplayName())
                .param("email", account.getEmail())
                .param("status", account.getStatus().name())
                .param("updatedAt", utc(account.getUpdatedAt()))
                .update() > 0;
    }

    /**
     * Forgets the account's name and email for good, keeping the row marked erased, so that a referral naming it is
     * skipped at once instead of waiting for an account that will never come.
     */
    public void erase(String accountId, Instant erasedAt) {
        jdbc.sql("""
                        INSERT INTO contacts (account_id, erased, updated_at)
                        VALUES (:accountId, TRUE, :erasedAt)
                        ON CONFLICT (account_id) DO UPDATE
                           SET display_name = NULL, email = NULL, erased = TRUE,
                               updated_at = GREATEST(contacts.updated_at, EXCLUDED.updated_at)
                        """)
                .param("accountId", accountId)
                .param("erasedAt", utc(erasedAt))
                .update();
    }

    /** Stores the job unless the stored one is as new or newer. Returns whether it changed. */
    public boolean save(Job job) {
        return jdbc.sql("""
                        INSERT INTO jobs (job_id, client_id, title, updated_at)
                        VALUES (:jobId, :clientId, :title, :updatedAt)
                        ON CONFLICT (job_id) DO UPDATE
                           SET client_id = EXCLUDED.client_id, title = EXCLUDED.title, updated_at = EXCLUDED.updated_at
                         WHERE jobs.updated_at < EXCLUDED.updated_at
                        """)
                .param("jobId", job.getJobId())
                .param("clientId", job.getClientId())
                .param("title", job.getTitle())
                .param("updatedAt", utc(job.getUpdatedAt()))
                .update() > 0;
    }

    /** The known contacts among these ids, erased ones included, by account id; unknown ids are absent. */
    public Map<String, Contact> contacts(Collection<String> accountIds) {
        return jdbc.sql("""
                        SELECT account_id, display_name, email, erased FROM contacts
                         WHERE account_id IN (:accountIds)
                        """)
                .param("accountIds", List.copyOf(accountIds))
                .query((row, rowNumber) -> new Contact(row.getString("account_id"), row.getString("display_name"),
                        row.getString("email"), row.getBoolean("erased")))
                .list()
                .stream()
                .collect(Collectors.toMap(Contact::accountId, Function.identity()));
    }

    public Optional<Contact> contact(String accountId) {
        return Optional.ofNullable(contacts(List.of(accountId)).get(accountId));
    }

    public Optional<JobEntry> job(String jobId) {
        return jdbc.sql("SELECT job_id, client_id, title FROM jobs WHERE job_id = :jobId")
                .param("jobId", jobId)
                .query((row, rowNumber) -> new JobEntry(
                        row.getString("job_id"), row.getString("client_id"), row.getString("title")))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
