package dev.referrals.api.support;

import dev.referrals.localstack.auth.TokenClient;
import dev.referrals.schemas.TopicNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * The one Spring context most integration tests share: the whole service on a random port, on the shared local
 * stack (real broker, registry and PostgreSQL), with a topic namespace and a database of its own. Every subclass
 * gets the same cached context, so the service starts once for all of them.
 *
 * <p>Tests keep out of each other's way by using fresh ids (jobs, accounts, keys) in every test.
 */
@ApiTestContext
public abstract class ApiIntegrationTest {

    @LocalServerPort
    private int port;

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
    /** Tokens from the local authorization server: a user's, a service's. */
    protected TokenClient tokens;
    protected EventLog events;

    @BeforeEach
    void connect() {
        tokens = new TokenClient(issuerUri);
        api = ServiceTokens.jobServices("http://localhost:" + port, issuerUri);
        events = new EventLog(bootstrapServers, registryUrl, namespace);
    }

    /**
     * For a test run by another JUnit Platform engine than Jupiter (jqwik's properties): injects this instance from
     * the same cached Spring context the Jupiter tests use, and connects, as Jupiter's SpringExtension and
     * {@link #connect()} do.
     */
    protected void startOutsideJupiter() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        connect();
    }
}
