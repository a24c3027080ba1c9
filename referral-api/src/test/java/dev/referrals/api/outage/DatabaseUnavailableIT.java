package dev.referrals.api.outage;

import static dev.referrals.api.support.ApiClient.json;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.localstack.postgres.ClosedDatabase;
import dev.referrals.schemas.Topics;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service's PostgreSQL refuses connections for real (its database closed to new connections, its sessions
 * ended, the pool's connections evicted): a decline and a read are answered 503 {@code database-unavailable} with
 * {@code Retry-After}, nothing is published, and once the database is open again the same calls succeed. The
 * database is reopened in a {@code finally}. The context is its own: the pool waits 1 s for a connection, not 30 s.
 */
@TestPropertySource(properties = "spring.datasource.hikari.connection-timeout=" + DatabaseUnavailableIT.CONNECTION_TIMEOUT)
class DatabaseUnavailableIT extends ApiIntegrationTest {

    /** How long a request waits for a connection while the database is closed (the pool's default is 30 s). */
    static final String CONNECTION_TIMEOUT = "1000"; // milliseconds


    private static final String KEY = "Idempotency-Key";

    @Autowired
    private DataSource dataSource;

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Value("${spring.datasource.password:}")
    private String password;

    @Test
    void aDeclineAndAReadAreAnswered503WithRetryAfterWhileTheDatabaseRefusesConnectionsAndSucceedAfter()
            throws SQLException {
        String jobId = id("job");
        String key = id("key");
        String decline = "/api/v1/invitations/inv-db/decline";
        String read = "/api/v1/freelancers/" + id("freelancer") + "/referrals?role=referrer";
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (ClosedDatabase closed = ClosedDatabase.close(url, username, password)) {
            pool.getHikariPoolMXBean().softEvictConnections();

            ApiClient.Answer refusedDecline = api.post(decline, body(jobId), KEY, key);
            ApiClient.Answer refusedRead = api.get(read);

            assertDatabaseUnavailable(refusedDecline);
            assertDatabaseUnavailable(refusedRead);
        }
        assertThat(events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_UNCOMMITTED,
                declined -> jobId.equals(declined.getJobId()))).isEmpty();
        assertThat(events.values(Topics.REFERRAL_REQUESTED, IsolationLevel.READ_UNCOMMITTED,
                requested -> jobId.equals(requested.getJobId()))).isEmpty();

        ApiClient.Answer acceptedDecline = api.post(decline, body(jobId), KEY, key);
        ApiClient.Answer servedRead = api.get(read);

        assertThat(acceptedDecline.status()).as(acceptedDecline.toString()).isEqualTo(202);
        assertThat(servedRead.status()).as(servedRead.toString()).isEqualTo(200);
        assertThat(events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_COMMITTED,
                declined -> jobId.equals(declined.getJobId()))).hasSize(1);
    }

    private static void assertDatabaseUnavailable(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:referrals:problem:database-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
    }

    private static String body(String jobId) {
        return json("""
                {'jobId': '%s', 'clientId': 'client-1', 'freelancerId': 'freelancer-1',
                 'referral': {'freelancer': 'ana@mail.example', 'message': 'Hire her'}}
                """.formatted(jobId));
    }
}
