package dev.referrals.localstack.postgres;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import dev.referrals.localstack.Setting;
import dev.referrals.localstack.StateDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of the stack: an embedded one (zonky's binaries, no installation needed), or the external
 * server named by {@code REFERRALS_DATABASE_URL}. Either way each service, and each test, gets a database of its own
 * through {@link #createDatabase(String)}.
 *
 * <p>For fault tests the embedded server can be restarted ({@link #restart()}) on its port and data dir, as a
 * database server's restart would be; its databases and rows survive.
 */
public final class Postgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Postgres.class);

    private static final String WHAT = "PostgreSQL";

    /** The superuser zonky's initdb creates; local connections are trusted, so it needs no password. */
    private static final String EMBEDDED_SUPERUSER = "postgres";
    private static final String EMBEDDED_PASSWORD = "";
    /** The database every PostgreSQL server has, which administrative connections use. */
    public static final String MAINTENANCE_DATABASE = "postgres";

    /** zonky's server listens on localhost; the stack's host setting cannot move it. */
    private static final String EMBEDDED_HOST = "localhost";

    /** Only plain lower-case names, so a name never needs quoting in SQL or escaping in a URL. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final String DUPLICATE_DATABASE = "42P04";

    /** The running embedded server, replaced by each restart; empty for an external server. */
    private volatile Optional<EmbeddedPostgres> embedded;
    private final String adminUrl;
    private final String username;
    private final String password;
    private final Optional<Path> embeddedDataDir;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Postgres(Optional<EmbeddedPostgres> embedded, String adminUrl, String username, String password,
            Optional<Path> embeddedDataDir, boolean temporary) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.embeddedDataDir = embeddedDataDir;
        this.temporary = temporary;
    }

    /**
     * Uses the external server if the settings name one, else starts the embedded server.
     *
     * @throws LocalStackStartupException with a one-line message if the port is busy, the data dir is unusable or the
     *                                    external server cannot be reached
     */
    public static Postgres start(PostgresSettings settings) {
        if (settings.external().isPresent()) {
            return connect(settings.external().get());
        }
        return startEmbedded(settings);
    }

    private static Postgres connect(ExternalDatabase external) {
        Postgres postgres = new Postgres(Optional.empty(), external.jdbcUrl(), external.username(),
                external.password(), Optional.empty(), false);
        try (Connection ignored = postgres.adminConnection()) {
            log.info("Using the external PostgreSQL at {} ({} is set); nothing embedded started",
                    external.jdbcUrl(), ExternalDatabase.URL_VARIABLE);
            return postgres;
        } catch (SQLException e) {
            throw new LocalStackStartupException(WHAT + " at " + external.jdbcUrl() + " cannot be reached as "
                    + external.username() + " (" + LocalStackStartupException.rootMessage(e) + "); fix or unset "
                    + ExternalDatabase.URL_VARIABLE + ", " + ExternalDatabase.USERNAME_VARIABLE + " and "
                    + ExternalDatabase.PASSWORD_VARIABLE, e);
        }
    }

    private static Postgres startEmbedded(PostgresSettings settings) {
        return LocalPorts.retryLostPortRace(settings.port() == LocalPorts.ANY_FREE_PORT,
                () -> startEmbeddedOnce(settings));
    }

    private static Postgres startEmbeddedOnce(PostgresSettings settings) {
        long startedAt = System.nanoTime();
        int port = LocalPorts.resolve(settings.port());
        LocalPorts.requireFree(WHAT, EMBEDDED_HOST, port, Setting.POSTGRES_PORT);
        boolean temporary = settings.dataDir().isEmpty();
        Path dataDir = settings.dataDir()
                .map(dir -> StateDirectory.requireWritable(WHAT, dir, Setting.DATA_DIR))
                .orElseGet(() -> StateDirectory.createTemporary("postgres"));
        try {
            EmbeddedPostgres server = launch(port, dataDir);
            log.info("PostgreSQL listening on {}:{} (data dir {}) after {} ms", EMBEDDED_HOST, port,
                    dataDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            String adminUrl = "jdbc:postgresql://" + EMBEDDED_HOST + ":" + port + "/" + MAINTENANCE_DATABASE;
            return new Postgres(Optional.of(server), adminUrl, EMBEDDED_SUPERUSER, EMBEDDED_PASSWORD,
                    Optional.of(dataDir), temporary);
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                StateDirectory.delete(dataDir);
            }
            // Another process may have taken the port after the check above; that deserves the usual message.
            LocalPorts.requireFree(WHAT, EMBEDDED_HOST, port, Setting.POSTGRES_PORT);
            throw new LocalStackStartupException(WHAT + " failed to start on " + EMBEDDED_HOST + ":"
                    + port + " with data dir " + dataDir + " (" + LocalStackStartupException.rootMessage(e) + "); "
                    + Setting.DATA_DIR.howToChange() + " to another directory or delete this one", e);
        }
    }

    private static EmbeddedPostgres launch(int port, Path dataDir) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                // Keep the data: a persistent dir is reused, a restart finds its rows, and a temporary dir is deleted
                // by close() below.
                .setCleanDataDirectory(false)
                .start();
    }

    /**
     * Stops the embedded server and starts it again on the same port and data dir, as a database restart would: every
     * open connection breaks, and every database and committed row is there afterwards.
     *
     * @throws UnsupportedOperationException for an external server, which is not the stack's to restart
     * @throws IllegalStateException         if the server does not come back, or the stack is closed
     */
    public synchronized void restart() {
        if (embedded.isEmpty()) {
            throw new UnsupportedOperationException("The external PostgreSQL at " + adminUrl + " is not the stack's"
                    + " to restart; unset " + ExternalDatabase.URL_VARIABLE + " to use the embedded one");
        }
        if (closed.get()) {
            throw new IllegalStateException("PostgreSQL was stopped with the stack; it cannot be restarted");
        }
        long restartingAt = System.nanoTime();
        int port = embedded.get().getPort();
        Path dataDir = embeddedDataDir.orElseThrow();
        try {
            embedded.get().close();
            embedded = Optional.of(launch(port, dataDir));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(WHAT + " did not restart on " + EMBEDDED_HOST + ":" + port + " with data"
                    + " dir " + dataDir + " (" + LocalStackStartupException.rootMessage(e) + ")", e);
        }
        log.info("PostgreSQL on {}:{} restarted in {} ms (data dir {})", EMBEDDED_HOST, port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartingAt), dataDir);
    }

    /**
     * Creates a database, or reuses it if it exists, and returns how to reach it. Reuse is what a persistent local
     * stack wants on its second start; tests pass fresh names.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter or underscore
     */
    public DatabaseCoordinates createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name must match " + DATABASE_NAME.pattern() + ": " + name);
        }
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            if (!exists(connection, name)) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot create database " + name + " on " + adminUrl, e);
            }
        }
        return coordinates(name);
    }

    /** How to reach a database on this server, without creating it. */
    public DatabaseCoordinates coordinates(String name) {
        return new DatabaseCoordinates(name, JdbcUrls.withDatabase(adminUrl, name), username, password);
    }

    /** Whether this is the embedded server, as opposed to one named in the environment. */
    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    /** The embedded server's port; empty for an external server. */
    public Optional<Integer> embeddedPort() {
        return embedded.map(EmbeddedPostgres::getPort);
    }

    /** Stops the embedded server and deletes a temporary data dir; an external server is left alone. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true) || embedded.isEmpty()) {
            return;
        }
        try {
            embedded.get().close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly: {}", e.toString());
        }
        if (temporary) {
            embeddedDataDir.ifPresent(StateDirectory::delete);
        }
        log.info("PostgreSQL stopped");
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(adminUrl, username, password);
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (var query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
