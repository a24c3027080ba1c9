package dev.referrals.worker.email;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dedupe ledger (I4), table {@code sent_emails}: one row per email the SMTP server accepted, keyed by referral
 * and role. A role with a row is never sent again; a row is written right after the server accepted the email, so a
 * crash in between repeats at most that one email, with the same Message-ID.
 */
@Repository
class SentEmails {

    private final JdbcClient jdbc;

    SentEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The roles of this referral whose email was already sent. */
    Set<Role> sentRoles(String referralId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM sent_emails WHERE referral_id = :referralId")
                .param("referralId", referralId)
                .query((row, rowNumber) -> Role.ofTag(row.getString("role")))
                .list()
                .forEach(roles::add);
        return roles;
    }

    /** Keeps the first record when two deliveries of one referral raced: both sent the same Message-ID. */
    void record(ReferralEmail email, Instant sentAt) {
        jdbc.sql("""
                        INSERT INTO sent_emails (referral_id, role, message_id, recipient_account_id, sent_at)
                        VALUES (:referralId, :role, :messageId, :recipientAccountId, :sentAt)
                        ON CONFLICT (referral_id, role) DO NOTHING
                        """)
                .param("referralId", email.referralId())
                .param("role", email.role().tag())
                .param("messageId", email.messageId().value())
                .param("recipientAccountId", email.recipientAccountId())
                .param("sentAt", OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC))
                .update();
    }
}
