package dev.referrals.processor;

import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralCreated;
import dev.referrals.events.ReferralRequested;
import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.platform.failure.ListenerFailure;
import dev.referrals.schemas.TopicNamespace;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The crash between storing a decision and publishing it, for real: a processor whose producer cannot reach the
 * broker (its consumers and database can) decides a request and commits the decision to PostgreSQL, and fails to
 * publish it; it is closed while it still has not, so its record's offset is never committed. A new processor on the
 * same database and consumer groups is redelivered the record and announces the stored decision, read from the real
 * topic: exactly once, with the referral the first one stored. The sweeper is kept out of it (its min-age is far
 * longer than the test), so the announcement can only come from the redelivery; {@code DecisionSweeperIT} covers the
 * sweeper.
 */
@LocalStackTest
class CrashBeforePublishIT {

    /** Longer than this test runs: only the redelivery may publish the decision. */
    private static final String SWEEPER_OUT_OF_IT = "10m";

    private final LocalStack stack;
    private final TopicNamespace namespace;
    private final DatabaseCoordinates database;

    CrashBeforePublishIT(LocalStack stack, TopicNamespace namespace, DatabaseCoordinates database) {
        this.stack = stack;
        this.namespace = namespace;
        this.database = database;
    }

    @Test
    void aDecisionStoredByAProcessorThatCrashedBeforePublishingItIsAnnouncedOnceByTheNextProcessor() {
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));
        String storedReferral;
        int unreachable = LocalPorts.resolve(LocalPorts.ANY_FREE_PORT);
        try (ConfigurableApplicationContext crashing = SeparateProcessor.start(stack, namespace, database,
                properties -> publishingWhereNoBrokerListens(properties, unreachable))) {
            ProducerFactory<String, Object> toTheBroker = producerToTheBroker(crashing);
            try {
                JdbcClient jdbc = crashing.getBean(JdbcClient.class);
                Marketplace marketplace = new Marketplace(new KafkaTemplate<>(toTheBroker), namespace, jdbc);
                marketplace.givenAnInvitedReferrerAndAReferee(jobId, ana, ben);
                MeterRegistry meters = crashing.getBean(MeterRegistry.class);
                double publishFailuresBefore = publishFailures(meters);

                marketplace.sendRequest(request);

                await().atMost(PublishedEvents.WAIT).until(() -> unpublishedDecisions(jdbc, request) == 1
                        && publishFailures(meters) > publishFailuresBefore);
                storedReferral = jdbc.sql("select referral_id from referral where job_id = ?").param(jobId)
                        .query(String.class).single();
            } finally {
                toTheBroker.reset();
            }
        }

        try (ConfigurableApplicationContext next = SeparateProcessor.start(stack, namespace, database,
                properties -> properties.put("referrals.processor.sweeper.min-age", SWEEPER_OUT_OF_IT))) {
            PublishedEvents published = next.getBean(PublishedEvents.class);
            JdbcClient jdbc = next.getBean(JdbcClient.class);

            ReferralCreated created = published.awaitCreated(request.getRequestId());
            await().atMost(PublishedEvents.WAIT).until(() -> unpublishedDecisions(jdbc, request) == 0);
            published.awaitReadToTheEnd();

            assertThat(created.getReferralId()).as("the stored decision, not a new one").isEqualTo(storedReferral);
            assertThat(published.outcomesOf(request.getRequestId())).containsExactly(created);
            assertThat(jdbc.sql("select count(*) from decision where request_id = ?").param(request.getRequestId())
                    .query(Long.class).single()).isOne();
            assertThat(jdbc.sql("select count(*) from referral where job_id = ?").param(jobId)
                    .query(Long.class).single()).isOne();
        }
    }

    /** Its consumers and database as usual; its producer on a port where no broker listens, failing fast. */
    private static void publishingWhereNoBrokerListens(Map<String, Object> properties, int port) {
        properties.put("spring.kafka.producer.bootstrap-servers", "localhost:" + port);
        properties.put("spring.kafka.producer.properties.max.block.ms", "500");
        // The template's observation asks the producer's cluster for its id before a send, and would wait the
        // admin's timeout (30 s) for a broker it cannot reach; without it the send fails within max.block.ms.
        properties.put("spring.kafka.template.observation-enabled", "false");
        properties.put("referrals.processor.publish-timeout", "1s");
        properties.put("referrals.processor.sweeper.min-age", SWEEPER_OUT_OF_IT);
    }

    /** The crashing processor's own producer settings, on the broker its producer cannot reach: for the facts. */
    @SuppressWarnings("unchecked")
    private ProducerFactory<String, Object> producerToTheBroker(ConfigurableApplicationContext processor) {
        KafkaTemplate<String, Object> template = processor.getBean("kafkaTemplate", KafkaTemplate.class);
        return ((DefaultKafkaProducerFactory<String, Object>) template.getProducerFactory())
                .copyWithConfigurationOverride(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }

    private static long unpublishedDecisions(JdbcClient jdbc, ReferralRequested request) {
        return jdbc.sql("select count(*) from decision where request_id = ? and published_at is null")
                .param(request.getRequestId()).query(Long.class).single();
    }

    private static double publishFailures(MeterRegistry meters) {
        Counter counter = meters.find("referrals.listener.outage.failures")
                .tag("dependency", ListenerFailure.KAFKA).counter();
        return counter == null ? 0 : counter.count();
    }
}
