package dev.referrals.benchmarks.baseline;

import dev.referrals.localstack.postgres.DatabaseCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/**
 * PostgreSQL on its own: rows inserted into a table with the processor's {@code referral} constraints (primary key,
 * unique request, unique job and referrer, unique job and referee), one row per commit, as a service that writes
 * each decision in its own transaction would; and the same rows in batches of {@link #BATCH} per commit, as the
 * processor writes a poll's decisions.
 */
public final class PostgresBaseline {

    /** Kafka's default {@code max.poll.records}: the processor writes at most this many decisions per commit. */
    public static final int BATCH = 500;

    private static final String TABLE = """
            create table referral (
                referral_id text primary key,
                request_id  text not null unique,
                job_id      text not null,
                referrer_id text not null,
                referee_id  text not null,
                status      text not null,
                created_at  timestamptz not null,
                constraint referral_one_per_referrer_per_job unique (job_id, referrer_id),
                constraint referral_one_per_referee_per_job unique (job_id, referee_id))
            """;
    private static final String INSERT = """
            insert into referral (referral_id, request_id, job_id, referrer_id, referee_id, status, created_at)
            values (?, ?, ?, ?, ?, 'PENDING', ?)
            """;
    private static final int JOBS = 20_000;
    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * @param singleRowCommitsPerSecond one row per transaction
     * @param batchedRowsPerSecond      {@link #BATCH} rows per transaction
     */
    public record Figures(double singleRowCommitsPerSecond, double batchedRowsPerSecond) {
    }

    public Figures measure(DatabaseCoordinates database, Duration duration) {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        properties.setProperty("password", database.password());
        // As the processor's data source: a JDBC batch travels as multi-row inserts.
        properties.setProperty("reWriteBatchedInserts", "true");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute(TABLE);
            }
            double single = insert(connection, duration, 1);
            double batched = insert(connection, duration, BATCH);
            return new Figures(single, batched);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL baseline failed: " + e.getMessage(), e);
        }
    }

    private static double insert(Connection connection, Duration duration, int perCommit) throws SQLException {
        connection.setAutoCommit(false);
        long rows = 0;
        long start = System.nanoTime();
        long until = start + duration.toNanos();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            while (System.nanoTime() < until) {
                for (int i = 0; i < perCommit; i++) {
                    String id = UUID.randomUUID().toString();
                    long n = rows + i;
                    insert.setString(1, id);
                    insert.setString(2, id);
                    insert.setString(3, "job-" + (n % JOBS) + "-" + perCommit);
                    insert.setString(4, "referrer-" + n);
                    insert.setString(5, "referee-" + n);
                    insert.setTimestamp(6, new Timestamp(System.currentTimeMillis()));
                    if (perCommit == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (perCommit > 1) {
                    insert.executeBatch();
                }
                connection.commit();
                rows += perCommit;
            }
        }
        return rows / ((System.nanoTime() - start) / NANOS_PER_SECOND);
    }
}
