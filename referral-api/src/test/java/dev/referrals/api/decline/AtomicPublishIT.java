package dev.referrals.api.decline;

import static dev.referrals.api.support.ApiClient.json;
import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.EventLog;
import dev.referrals.api.support.ServiceTokens;
import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Both or neither (I3), with a reachable broker: a producer whose requests are too small for a ReferralRequested
 * with a long message fails that record after its InviteDeclined was sent in the same transaction. The transaction
 * is aborted, so a read_committed reader never sees the InviteDeclined either, and the caller gets 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.producer.properties.max.request.size=1024"})
@LocalStackContext
class AtomicPublishIT {

    private static final Duration VISIBLE = Duration.ofSeconds(15);

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
    void whenTheReferralRequestCannotBeWrittenItsInviteDeclinedIsAbortedWithIt() {
        String failedJob = id("job");
        String laterJob = EventLog.keyOnTheSamePartitionAs(failedJob, Topics.INVITE_DECLINED);

        ApiClient.Answer failed = api.post("/api/v1/invitations/inv-1/decline", json("""
                {'jobId': '%s', 'clientId': 'client-1', 'freelancerId': 'freelancer-1',
                 'referral': {'freelancer': 'ana@mail.example', 'message': '%s'}}
                """.formatted(failedJob, "m".repeat(2000))));
        // A later decline on the same partition commits: once a read_committed reader sees it, the failed
        // transaction before it on that partition is resolved, and it was aborted.
        ApiClient.Answer later = api.post("/api/v1/invitations/inv-2/decline", json("""
                {'jobId': '%s', 'clientId': 'client-1', 'freelancerId': 'freelancer-2'}
                """.formatted(laterJob)));

        assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
        assertThat(later.status()).as(later.toString()).isEqualTo(202);
        await().atMost(VISIBLE).until(() -> !events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_COMMITTED,
                declined -> laterJob.equals(declined.getJobId())).isEmpty());
        assertThat(events.values(Topics.INVITE_DECLINED, IsolationLevel.READ_COMMITTED,
                declined -> failedJob.equals(declined.getJobId()))).isEmpty();
        assertThat(events.values(Topics.REFERRAL_REQUESTED, IsolationLevel.READ_COMMITTED,
                requested -> failedJob.equals(requested.getJobId()))).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM referral_requests WHERE job_id = :jobId")
                .param("jobId", failedJob).query(Long.class).single()).isZero();
    }
}
