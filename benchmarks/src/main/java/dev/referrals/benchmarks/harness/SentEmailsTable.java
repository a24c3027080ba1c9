package dev.referrals.benchmarks.harness;

import dev.referrals.localstack.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's {@code sent_emails} ledger, read from outside: a row is written right after the SMTP sink accepted an
 * email, stamped with the worker's clock at that moment, so it tells when each email was accepted to the microsecond,
 * without polling the sink.
 */
public final class SentEmailsTable implements AutoCloseable {

    private final Connection connection;

    public SentEmailsTable(DatabaseCoordinates database) {
        try {
            this.connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                    database.password());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the worker's database: " + e.getMessage(), e);
        }
    }

    /** @param sentAtMicros when the sink accepted it, in microseconds since the epoch */
    public record SentEmail(String referralId, String role, String recipientAccountId, long sentAtMicros) {
    }

    public long count() {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from sent_emails");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count sent emails: " + e.getMessage(), e);
        }
    }

    public List<SentEmail> all() {
        List<SentEmail> emails = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select referral_id, role, recipient_account_id, sent_at from sent_emails");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                var sentAt = rows.getObject("sent_at", OffsetDateTime.class).toInstant();
                emails.add(new SentEmail(rows.getString("referral_id"), rows.getString("role"),
                        rows.getString("recipient_account_id"),
                        Math.addExact(Math.multiplyExact(sentAt.getEpochSecond(), MICROS_PER_SECOND),
                                sentAt.getNano() / NANOS_PER_MICRO)));
            }
            return emails;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sent emails: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Read-only use; nothing to lose.
        }
    }

    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;
}
