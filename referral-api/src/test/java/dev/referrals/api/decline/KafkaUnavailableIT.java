package dev.referrals.api.decline;

import static dev.referrals.api.support.ApiClient.json;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.EventLog;
import dev.referrals.api.support.RestartableBroker;
import dev.referrals.api.support.ServiceTokens;
import dev.referrals.events.InviteDeclined;
import dev.referrals.events.ReferralRequested;
import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.util.List;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The broker the API publishes to goes away while the service runs, and comes back: a private in-JVM broker that
 * the test stops and restarts on the same port and log (the service's database, consumers and the registry stay on
 * the shared stack). While it is down a decline is refused 503 with Retry-After and leaves nothing behind; once it
 * is back, the caller's retry with the same Idempotency-Key is run again, not replayed, and publishes exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "referrals.api.publish-timeout=3s")
@LocalStackContext
class KafkaUnavailableIT {

    private static final String KEY = "Idempotency-Key";
    private static final RestartableBroker BROKER = RestartableBroker.start();

    @LocalServerPort
    private int port;

    @Autowired
    private TopicNamespace namespace;

    @Autowired
    private JdbcClient jdbc;

    @Value("${spring.kafka.properties.schema.registry.url}")
    private String registryUrl;

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    private String issuerUri;

    private ApiClient api;
    private EventLog events;

    @DynamicPropertySource
    static void publishToTheRestartableBroker(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.producer.bootstrap-servers", BROKER::bootstrapServers);
    }

    @BeforeEach
    void connect() {
        BROKER.createTopics(namespace);
        api = ServiceTokens.jobServices("http://localhost:" + port, issuerUri);
        events = new EventLog(BROKER.bootstrapServers(), registryUrl, namespace);
    }

    @AfterEach
    void brokerBack() {
        BROKER.restart();
    }

    @AfterAll
    static void closeBroker() {
        BROKER.close();
    }

    @Test
    void aDeclineWhileTheBrokerIsDownIsRefused503AndItsRetryWithTheSameKeyPublishesExactlyOnceWhenItIsBack() {
        assertThat(api.post("/api/v1/invitations/inv-0/decline", body(id("job"))).status())
                .as("the producer publishes to this broker while it is up").isEqualTo(202);
        String jobId = id("job");
        String key = id("key");
        String path = "/api/v1/invitations/inv-1/decline";

        BROKER.stop();
        ApiClient.Answer refused = api.post(path, body(jobId), KEY, key);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:referrals:problem:publishing-unavailable");
        assertThat(problem.get("detail").asString()).contains("nothing was published");
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key LIKE '%' || :id", key))
                .as("the key stays free for the retry").isZero();
        assertThat(count("SELECT count(*) FROM referral_requests WHERE job_id = :id", jobId)).isZero();

        BROKER.restart();
        ApiClient.Answer retry = api.post(path, body(jobId), KEY, key);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.header("Idempotent-Replayed")).as("run again, not replayed from a stored answer").isNull();
        String eventId = retry.json().get("eventId").asString();
        String requestId = retry.json().get("requestId").asString();
        // Read uncommitted: a record of the refused attempt would show here even inside an aborted transaction.
        assertThat(declinesOf(jobId, IsolationLevel.READ_UNCOMMITTED)).extracting(InviteDeclined::getEventId)
                .containsExactly(eventId);
        assertThat(requestsOf(jobId, IsolationLevel.READ_UNCOMMITTED)).extracting(ReferralRequested::getRequestId)
                .containsExactly(requestId);
        assertThat(declinesOf(jobId, IsolationLevel.READ_COMMITTED)).extracting(InviteDeclined::getEventId)
                .containsExactly(eventId);
        assertThat(requestsOf(jobId, IsolationLevel.READ_COMMITTED)).extracting(ReferralRequested::getRequestId)
                .containsExactly(requestId);
        assertThat(count("SELECT count(*) FROM referral_requests WHERE job_id = :id", jobId)).isOne();
        ApiClient.Answer replayed = api.post(path, body(jobId), KEY, key);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body()).isEqualTo(retry.body());
    }

    @Test
    void aDeclineWithoutKeyWhileTheBrokerIsDownIsRefused503AndNothingOfItReachesTheBrokerWhenItIsBack() {
        String jobId = id("job");

        BROKER.stop();
        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-3/decline", body(jobId));
        BROKER.restart();

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        assertThat(api.post("/api/v1/invitations/inv-4/decline", body(id("job"))).status())
                .as("publishing works again").isEqualTo(202);
        assertThat(declinesOf(jobId, IsolationLevel.READ_UNCOMMITTED)).isEmpty();
        assertThat(requestsOf(jobId, IsolationLevel.READ_UNCOMMITTED)).isEmpty();
    }

    private List<InviteDeclined> declinesOf(String jobId, IsolationLevel isolation) {
        return events.values(Topics.INVITE_DECLINED, isolation, declined -> jobId.equals(declined.getJobId()));
    }

    private List<ReferralRequested> requestsOf(String jobId, IsolationLevel isolation) {
        return events.values(Topics.REFERRAL_REQUESTED, isolation, requested -> jobId.equals(requested.getJobId()));
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private static String body(String jobId) {
        return json("""
                {'jobId': '%s', 'clientId': 'client-1', 'freelancerId': 'freelancer-1',
                 'referral': {'freelancer': 'ana@mail.example', 'message': 'Hire her'}}
                """.formatted(jobId));
    }
}
