package dev.referrals.processor.ledger;

import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.referrals.events.ReferralRequested;
import dev.referrals.localstack.postgres.ClosedDatabase;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.platform.failure.DependencyOutages;
import dev.referrals.platform.failure.ListenerFailure;
import dev.referrals.processor.Marketplace;
import dev.referrals.processor.ProcessorIntegrationTest;
import dev.referrals.processor.PublishedEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The processor while its PostgreSQL refuses connections for real (its database closed to new connections, every
 * session on it ended): a ledger fact and a referral request that arrive meanwhile wait for the database, retried
 * without limit by the platform's error handler, and are recorded and decided once it is back. Neither goes to a
 * dead-letter topic, however many attempts the outage takes (the bounded retries of this context would dead-letter
 * a record after two).
 */
@ProcessorIntegrationTest
class DatabaseOutageIT {

    /** Attempts each listener has failed while the database was closed: more than the bounded retries allow. */
    private static final int ATTEMPTS_WHILE_CLOSED = 6;

    @Autowired
    private Marketplace marketplace;

    @Autowired
    private PublishedEvents published;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private DependencyOutages outages;

    @Autowired
    private MeterRegistry meters;

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Value("${spring.datasource.password:}")
    private String password;

    @Test
    void factsAndRequestsWaitForTheDatabaseAndNeitherIsDeadLettered() throws SQLException {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        String laterJob = unique("job");
        marketplace.givenOpenPublicJob(jobId);
        marketplace.givenFreelancers(ana, ben);
        marketplace.givenInvited(jobId, ana);
        ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));
        double deadLettersBefore = deadLetters();

        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        double failuresBefore = databaseFailures();
        try (ClosedDatabase closed = ClosedDatabase.close(url, username, password)) {
            pool.getHikariPoolMXBean().softEvictConnections();

            marketplace.sendJob(Marketplace.job(laterJob, JobVisibility.PUBLIC, JobStatus.OPEN));
            marketplace.sendRequest(request);

            await().atMost(PublishedEvents.WAIT)
                    .until(() -> databaseFailures() >= failuresBefore + ATTEMPTS_WHILE_CLOSED);
            assertThat(outages.current()).containsKey(ListenerFailure.DATABASE);
        }

        assertThat(published.awaitCreated(request.getRequestId()).getRefereeId()).isEqualTo(ben);
        await().atMost(PublishedEvents.WAIT).until(() -> jdbc.sql("select count(*) from job where job_id = ?")
                .param(laterJob).query(Long.class).single() == 1);
        assertThat(deadLetters()).isEqualTo(deadLettersBefore);
    }

    private double databaseFailures() {
        Counter counter = meters.find("referrals.listener.outage.failures")
                .tag("dependency", ListenerFailure.DATABASE).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Every dead letter this processor published, on any topic. */
    private double deadLetters() {
        return meters.find("referrals.deadletters.published").counters().stream().mapToDouble(Counter::count).sum();
    }
}
