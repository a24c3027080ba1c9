package dev.referrals.localstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@LocalStackTest
class DatabaseTest {

    @Test
    void newDatabaseIsEmptyAndUsable(DatabaseCoordinates database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                    .isZero();

            statement.execute("CREATE TABLE referral (id text PRIMARY KEY)");
            statement.execute("INSERT INTO referral VALUES ('r-1')");
            assertThat(count(statement, "SELECT count(*) FROM referral")).isEqualTo(1);
        }
    }

    @Test
    void eachNewDatabaseIsSeparate(LocalStack stack) throws SQLException {
        DatabaseCoordinates first = stack.newDatabase();
        DatabaseCoordinates second = stack.newDatabase();
        try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ledger (id int)");
        }

        assertThat(second.jdbcUrl()).isNotEqualTo(first.jdbcUrl());
        try (Connection connection = connect(second); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'ledger'"))
                    .isZero();
        }
    }

    @Test
    void createDatabaseReusesAnExistingOne(LocalStack stack) throws SQLException {
        DatabaseCoordinates created = stack.newDatabase();
        try (Connection connection = connect(created); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int)");
        }

        DatabaseCoordinates again = stack.database(created.name());

        try (Connection connection = connect(again); Statement statement = connection.createStatement()) {
            assertThat(count(statement, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'kept'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void anExternalServerIsNotTheStacksToRestart(LocalStack stack) {
        // The stack's own server stands in for an external one: what matters is that the stack did not start it.
        DatabaseCoordinates server = stack.postgres().coordinates(Postgres.MAINTENANCE_DATABASE);
        try (Postgres external = Postgres.start(new PostgresSettings(LocalPorts.ANY_FREE_PORT, Optional.empty(),
                Optional.of(new ExternalDatabase(server.jdbcUrl(), server.username(), server.password()))))) {

            assertThatThrownBy(external::restart)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("The external PostgreSQL at " + server.jdbcUrl() + " is not the stack's to restart;"
                            + " unset REFERRALS_DATABASE_URL to use the embedded one");
        }
    }

    private static Connection connect(DatabaseCoordinates database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static int count(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getInt(1);
        }
    }
}
