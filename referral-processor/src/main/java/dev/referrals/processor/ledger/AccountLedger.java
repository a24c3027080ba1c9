package dev.referrals.processor.ledger;

import dev.referrals.marketplace.Account;
import dev.referrals.schemas.privacy.EmailFingerprint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts the processor can match a referee against. It keeps no email address, only its fingerprint, and
 * the profile URL in its {@link ProfileUrl normalized} form.
 */
@Component
public class AccountLedger {

    private final JdbcClient jdbc;

    public AccountLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies an account fact idempotently: it only moves forward (an older {@code updatedAt} than the stored one
     * changes nothing), and it never revives an erased account.
     */
    public void record(Account account) {
        jdbc.sql("""
                insert into account (account_id, kind, status, profile_url, email_fingerprint, updated_at)
                values (:accountId, :kind, :status, :profileUrl, :emailFingerprint, :updatedAt)
                on conflict (account_id) do update
                   set kind = excluded.kind,
                       status = excluded.status,
                       profile_url = excluded.profile_url,
                       email_fingerprint = excluded.email_fingerprint,
                       updated_at = excluded.updated_at
                 where not account.erased
                   and (account.updated_at is null or account.updated_at <= excluded.updated_at)
                """)
                .param("accountId", account.getAccountId())
                .param("kind", account.getKind().name())
                .param("status", account.getStatus().name())
                .param("profileUrl", ProfileUrl.parse(account.getProfileUrl()).map(ProfileUrl::value).orElse(null))
                .param("emailFingerprint", account.getEmail() == null ? null : EmailFingerprint.of(account.getEmail()))
                .param("updatedAt", LedgerTime.column(account.getUpdatedAt()))
                .update();
    }

    /**
     * Erases the account's contact data after a tombstone: the URL and the email fingerprint are gone, so no later
     * referral can match it. The row stays, marked erased, so that a replayed older fact cannot bring them back.
     */
    public void erase(String accountId) {
        jdbc.sql("""
                insert into account (account_id, kind, status, erased)
                values (:accountId, 'UNKNOWN', 'UNKNOWN', true)
                on conflict (account_id) do update
                   set profile_url = null, email_fingerprint = null, erased = true
                """)
                .param("accountId", accountId)
                .update();
    }
}
