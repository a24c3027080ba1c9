package dev.referrals.localstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real database outage for a test: the database a service's JDBC URL names is closed to new connections and every
 * session on it is ended, as PostgreSQL does it (from a session on the {@code postgres} database, as the superuser).
 * Closing this reopens it. The service's pool still holds dead connections: evict them (Hikari's
 * {@code softEvictConnections()}) so that the next statement asks PostgreSQL for a new one and is refused.
 */
public final class ClosedDatabase implements AutoCloseable {

    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

    private final Connection admin;
    private final String database;

    private ClosedDatabase(Connection admin, String database) {
        this.admin = admin;
        this.database = database;
    }

    /** Closes the database of this JDBC URL, with the superuser's credentials the URL is used with. */
    public static ClosedDatabase close(String jdbcUrl, String username, String password) throws SQLException {
        Matcher url = DATABASE_IN_URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL with a database: " + jdbcUrl);
        }
        String database = url.group(2);
        Connection admin = DriverManager.getConnection(url.group(1) + "postgres" + url.group(3), username, password);
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                    + "' AND pid <> pg_backend_pid()");
        } catch (SQLException | RuntimeException failure) {
            admin.close();
            throw failure;
        }
        return new ClosedDatabase(admin, database);
    }

    /** Opens the database again. */
    @Override
    public void close() throws SQLException {
        try (Connection closing = admin; Statement statement = closing.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
        }
    }
}
