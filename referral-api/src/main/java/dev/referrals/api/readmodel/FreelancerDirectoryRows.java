package dev.referrals.api.readmodel;

import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes {@code freelancer_directory}: the accounts a referrer may search for. An ACTIVE FREELANCER account is
 * upserted; any other account (a client, a closed account) is removed. The email is never stored. An update older
 * than the row ({@code updatedAt}) changes nothing, so a redelivery does not bring back an old name.
 *
 * <p>An erased account (a tombstone) is removed and marked in {@code erased_accounts}, as the processor's ledger
 * marks it: no later Account record of that id, replayed or redelivered, brings it back.
 */
@Component
public class FreelancerDirectoryRows {

    private final JdbcClient jdbc;

    public FreelancerDirectoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Account account) {
        if (account.getKind() == AccountKind.FREELANCER && account.getStatus() == AccountStatus.ACTIVE) {
            jdbc.sql("""
                    INSERT INTO freelancer_directory (account_id, display_name, profile_url, updated_at)
                    SELECT :accountId, :displayName, :profileUrl, :updatedAt
                     WHERE NOT EXISTS (SELECT 1 FROM erased_accounts WHERE account_id = :accountId)
                    ON CONFLICT (account_id) DO UPDATE SET
                        display_name = EXCLUDED.display_name,
                        profile_url  = EXCLUDED.profile_url,
                        updated_at   = EXCLUDED.updated_at
                    WHERE freelancer_directory.updated_at <= EXCLUDED.updated_at
                    """)
                    .param("accountId", account.getAccountId())
                    .param("displayName", account.getDisplayName())
                    .param("profileUrl", account.getProfileUrl())
                    .param("updatedAt", Timestamp.from(account.getUpdatedAt()))
                    .update();
        } else {
            jdbc.sql("DELETE FROM freelancer_directory WHERE account_id = :accountId AND updated_at <= :updatedAt")
                    .param("accountId", account.getAccountId())
                    .param("updatedAt", Timestamp.from(account.getUpdatedAt()))
                    .update();
        }
    }

    /**
     * A tombstone on marketplace.accounts: the account no longer exists. The marker is written first, so that a
     * crash in between leaves it marked, and the redelivered tombstone deletes the row.
     */
    public void erase(String accountId) {
        jdbc.sql("""
                INSERT INTO erased_accounts (account_id, erased_at) VALUES (:accountId, now())
                ON CONFLICT (account_id) DO NOTHING
                """)
                .param("accountId", accountId)
                .update();
        jdbc.sql("DELETE FROM freelancer_directory WHERE account_id = :accountId")
                .param("accountId", accountId)
                .update();
    }
}
