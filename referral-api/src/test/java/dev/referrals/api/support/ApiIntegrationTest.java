package dev.referrals.api.support;

import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.schemas.TopicNamespace;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The in-flight test holds a key's lock from outside; a short wait keeps it quick.
        "referrals.api.idempotency.in-flight-wait=1s",
        // Keep the dead-letter tests quick when a record keeps failing.
        "referrals.kafka.retry.initial-interval=50ms",
        "referrals.kafka.retry.max-attempts=2"})
@LocalStackContext
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

    protected ApiClient api;
    protected EventLog events;

    @BeforeEach
    void connect() {
        api = new ApiClient("http://localhost:" + port);
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
