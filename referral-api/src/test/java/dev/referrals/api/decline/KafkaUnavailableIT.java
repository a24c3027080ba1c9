package dev.referrals.api.decline;

import static dev.referrals.api.support.ApiClient.json;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.EventLog;
import dev.referrals.api.support.ServiceTokens;
import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A service whose producer cannot reach Kafka (its bootstrap is a closed port), while its database, consumers and
 * the test's reader use the real stack: a decline is refused with 503 within the bounded publish time, and nothing
 * of it remains anywhere, so the caller's retry starts afresh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.producer.bootstrap-servers=localhost:1",
        "referrals.api.publish-timeout=1s"})
@LocalStackContext
class KafkaUnavailableIT {

    private static final String KEY = "Idempotency-Key";

    @LocalServerPort
    private int port;

    @Autowired
    private TopicNamespace namespace;

    @Autowired
    private JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.kafka.properties.schema.registry.url}")
    private String registryUrl;

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    private String issuerUri;

    private ApiClient api;
    private EventLog events;

    @BeforeEach
    void connect() {
        api = ServiceTokens.jobServices("http://localhost:" + port, issuerUri);
        events = new EventLog(bootstrapServers, registryUrl, namespace);
    }

    @Test
    void aDeclineIsRefused503AndLeavesNoEventNoKeyAndNoRequestBehind() {
        String jobId = id("job");
        String key = id("key");

        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-1/decline", body(jobId), KEY, key);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isEqualTo("5");
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:referrals:problem:publishing-unavailable");
        assertThat(problem.get("detail").asString()).contains("nothing was published");
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = :id", key)).isZero();
        assertThat(count("SELECT count(*) FROM referral_requests WHERE job_id = :id", jobId)).isZero();
        assertThat(events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_UNCOMMITTED,
                declined -> jobId.equals(declined.getJobId()))).isEmpty();
        assertThat(events.values(Topics.REFERRAL_REQUESTED, IsolationLevel.READ_UNCOMMITTED,
                requested -> jobId.equals(requested.getJobId()))).isEmpty();
    }

    @Test
    void aRetryWithTheSameKeyIsTriedAgainRatherThanReplayedOrRefused() {
        String jobId = id("job");
        String key = id("key");
        api.post("/api/v1/invitations/inv-2/decline", body(jobId), KEY, key);

        ApiClient.Answer retry = api.post("/api/v1/invitations/inv-2/decline", body(jobId), KEY, key);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(503);
    }

    @Test
    void aDeclineWithoutKeyIsRefused503Too() {
        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-3/decline",
                json("{'jobId': '%s', 'clientId': 'c', 'freelancerId': 'f'}".formatted(id("job"))));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
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
