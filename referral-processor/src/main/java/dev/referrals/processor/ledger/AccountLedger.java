package dev.referrals.processor.ledger;

import dev.referrals.marketplace.Account;
import dev.referrals.schemas.privacy.EmailFingerprint;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The accounts the processor can match a referee against. It keeps no email address, only its keyed fingerprint
 * under every configured key id, and the profile URL in its {@link ProfileUrl normalized} form.
 */
@Component
public class AccountLedger {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final EmailFingerprintKeys fingerprintKeys;
    private final TransactionOperations transactions;

    public AccountLedger(JdbcClient jdbc, NamedParameterJdbcTemplate batch, EmailFingerprintKeys fingerprintKeys,
                         TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.fingerprintKeys = fingerprintKeys;
        this.transactions = transactions;
    }

    /**
     * Applies an account fact idempotently: it only moves forward (an older {@code updatedAt} than the stored one
     * changes nothing), and it never revives an erased account. The account's fingerprints, one per configured
     * key, change with it, in the same transaction.
     */
    public void record(Account account) {
        transactions.executeWithoutResult(status -> {
            int moved = jdbc.sql("""
                    insert into account (account_id, kind, status, profile_url, updated_at)
                    values (:accountId, :kind, :status, :profileUrl, :updatedAt)
                    on conflict (account_id) do update
                       set kind = excluded.kind,
                           status = excluded.status,
                           profile_url = excluded.profile_url,
                           updated_at = excluded.updated_at
                     where not account.erased
                       and (account.updated_at is null or account.updated_at <= excluded.updated_at)
                    """)
                    .param("accountId", account.getAccountId())
                    .param("kind", account.getKind().name())
                    .param("status", account.getStatus().name())
                    .param("profileUrl", ProfileUrl.parse(account.getProfileUrl()).map(ProfileUrl::value).orElse(null))
                    .param("updatedAt", LedgerTime.column(account.getUpdatedAt()))
                    .update();
            if (moved == 0) {
                return;
            }
            jdbc.sql("delete from account_email_fingerprint where account_id = :accountId")
                    .param("accountId", account.getAccountId())
                    .update();
            if (account.getEmail() != null) {
                List<EmailFingerprint> fingerprints = fingerprintKeys.keyIds().stream()
                        .map(keyId -> fingerprintKeys.under(keyId, account.getEmail()).orElseThrow())
                        .toList();
                insertFingerprints(account.getAccountId(), fingerprints);
            }
        });
    }

    /**
     * Adds the fingerprint under one more key to each account whose stored state is exactly the fact given, for a
     * key that was added to the configuration ({@link EmailFingerprintBackfill}). A fingerprint already there wins:
     * it was written by {@link #record} from a fact at least as new.
     */
    void addFingerprints(List<Account> facts, String keyId) {
        List<Account> withEmail = facts.stream().filter(account -> account.getEmail() != null).toList();
        if (withEmail.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = withEmail.stream().map(account -> new MapSqlParameterSource()
                        .addValue("accountId", account.getAccountId())
                        .addValue("keyId", keyId)
                        .addValue("fingerprint", fingerprintKeys.under(keyId, account.getEmail()).orElseThrow().value())
                        .addValue("updatedAt", LedgerTime.column(account.getUpdatedAt())))
                .toArray(SqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into account_email_fingerprint (account_id, key_id, fingerprint)
                select account_id, :keyId, :fingerprint
                  from account
                 where account_id = :accountId and not erased and updated_at = :updatedAt
                on conflict (account_id, key_id) do nothing
                """, rows);
    }

    /**
     * Erases the account's contact data after a tombstone: the URL and the email fingerprints are gone, so no later
     * referral can match it. The row stays, marked erased, so that a replayed older fact cannot bring them back.
     */
    public void erase(String accountId) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into account (account_id, kind, status, erased)
                    values (:accountId, 'UNKNOWN', 'UNKNOWN', true)
                    on conflict (account_id) do update
                       set profile_url = null, erased = true
                    """)
                    .param("accountId", accountId)
                    .update();
            jdbc.sql("delete from account_email_fingerprint where account_id = :accountId")
                    .param("accountId", accountId)
                    .update();
        });
    }

    private void insertFingerprints(String accountId, List<EmailFingerprint> fingerprints) {
        jdbc.sql("""
                insert into account_email_fingerprint (account_id, key_id, fingerprint)
                select :accountId, key_id, fingerprint from unnest(:keyIds, :fingerprints) as f(key_id, fingerprint)
                """)
                .param("accountId", accountId)
                .param("keyIds", fingerprints.stream().map(EmailFingerprint::keyId).toArray(String[]::new))
                .param("fingerprints", fingerprints.stream().map(EmailFingerprint::value).toArray(String[]::new))
                .update();
    }
}
