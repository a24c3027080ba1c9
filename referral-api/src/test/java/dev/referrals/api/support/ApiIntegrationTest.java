package dev.referrals.api.support;

import dev.referrals.localstack.auth.TokenClient;
import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.schemas.TopicNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one Spring context most integration tests share: the whole service on a random port, on the shared local
 * stack (real broker, registry and PostgreSQL), with a topic namespace and a database of its own. Every subclass
 * gets the same cached context, so the service starts once for all of them.
 *
 * <p>Tests keep out of each other's way by using fresh ids (jobs, accounts, keys) in every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The in-flight test holds a key's lock from outside; a short wait keeps it quick.
        "referrals.api.idempotency.in-flight-wait=1s",
        // Keep the dead-letter tests quick when a record keeps failing.
        "referrals.kafka.retry.initial-interval=50ms",
        "referrals.kafka.retry.max-attempts=2",
        // Rate limits renewed every minute, so that the test of a limit does not race the period.
        "referrals.api.rate-limit.period=1m"})
@LocalStackContext
public abstract class ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @Autowired
    protected TopicNamespace namespace;

    @Autowired
    protected JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Value("${spring.kafka.properties.schema.registry.url}")
    private String registryUrl;

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    private String issuerUri;

    /** The API as a trusted service calls it (job-services: decline and read for any account). */
    protected ApiClient api;
    /** The management port (actuator), called without a token. */
    protected ApiClient management;
    /** Tokens from the local authorization server: a user's, a service's. */
    protected TokenClient tokens;
    protected EventLog events;

    @BeforeEach
    void connect() {
        tokens = new TokenClient(issuerUri);
        api = ServiceTokens.jobServices("http://localhost:" + port, issuerUri);
        management = new ApiClient("http://localhost:" + managementPort, null);
        events = new EventLog(bootstrapServers, registryUrl, namespace);
    }
}
