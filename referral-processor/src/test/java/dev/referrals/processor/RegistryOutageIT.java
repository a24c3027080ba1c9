package dev.referrals.processor;

import static dev.referrals.processor.Marketplace.profileUrlOf;
import static dev.referrals.processor.Marketplace.referral;
import static dev.referrals.processor.Marketplace.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralRequested;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.localstack.registry.SchemaRegistryServer;
import dev.referrals.localstack.registry.SchemaRegistrySettings;
import dev.referrals.platform.failure.DependencyOutages;
import dev.referrals.platform.failure.ListenerFailure;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.registration.SchemaRegistrar;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClientConfig;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A registry blip, for real: the processor runs against a schema registry of this test's own, which is stopped
 * while a referral request arrives whose writer schema the processor has never fetched (its cache cannot help), and
 * started again on the same port with the same state. The request looks unreadable while the registry is down; it
 * waits for the registry, is decided once it is back, and never goes to the dead-letter topic (the bounded retries
 * of this context would dead-letter it after two attempts).
 */
@LocalStackTest
class RegistryOutageIT {

    /** Attempts that failed while the registry was down: more than the bounded retries allow. */
    private static final int ATTEMPTS_WHILE_DOWN = 4;

    private final LocalStack stack;
    private final TopicNamespace namespace;
    private final DatabaseCoordinates database;

    RegistryOutageIT(LocalStack stack, TopicNamespace namespace, DatabaseCoordinates database) {
        this.stack = stack;
        this.namespace = namespace;
        this.database = database;
    }

    @Test
    void aRequestReadWhileTheRegistryIsDownWaitsForItAndIsDecided() {
        SchemaRegistrySettings settings = SchemaRegistrySettings.forBootstrapServers(stack.kafkaBootstrapServers())
                .withTopic("_schemas-" + UUID.randomUUID());
        SchemaRegistryServer registry = SchemaRegistryServer.start(settings);
        String registryUrl = registry.url();
        register(registryUrl);
        String jobId = unique("job");
        String ana = unique("ana");
        String ben = unique("ben");
        try (ConfigurableApplicationContext processor = processor(registryUrl)) {
            Marketplace marketplace = processor.getBean(Marketplace.class);
            marketplace.givenOpenPublicJob(jobId);
            marketplace.givenFreelancers(ana, ben);
            marketplace.givenInvited(jobId, ana);
            ReferralRequested request = referral(jobId, ana, profileUrlOf(ben));
            byte[] framed = serialize(registryUrl, request);
            MeterRegistry meters = processor.getBean(MeterRegistry.class);
            double deadLettersBefore = deadLetters(meters);

            registry.close();
            try {
                sendRaw(jobId, framed);
                await().atMost(PublishedEvents.WAIT)
                        .until(() -> registryFailures(meters) >= ATTEMPTS_WHILE_DOWN);
                assertThat(processor.getBean(DependencyOutages.class).current())
                        .containsKey(ListenerFailure.SCHEMA_REGISTRY);
            } finally {
                registry = SchemaRegistryServer.start(settings.withPort(portOf(registryUrl)));
            }

            assertThat(processor.getBean(PublishedEvents.class).awaitCreated(request.getRequestId()).getRefereeId())
                    .isEqualTo(ben);
            assertThat(deadLetters(meters)).isEqualTo(deadLettersBefore);
            assertThat(processor.getBean(DependencyOutages.class).current()).isEmpty();
        } finally {
            registry.close();
        }
    }

    /** The catalogue's subjects of this namespace on this registry, as the registrar does for production. */
    private void register(String registryUrl) {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(
                Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, registryUrl));
        try {
            new SchemaRegistrar(client, namespace).registerAll(SchemaRegistrar.PROJECT_COMPATIBILITY);
        } finally {
            client.close();
        }
    }

    /** As the API frames it, while the registry is up; the processor has not read this schema id yet. */
    private byte[] serialize(String registryUrl, ReferralRequested request) {
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            return serializer.serialize(namespace.name(Topics.REFERRAL_REQUESTED), request);
        }
    }

    private void sendRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.kafkaBootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(namespace.name(Topics.REFERRAL_REQUESTED), key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the framed request", e);
        }
    }

    private static double registryFailures(MeterRegistry meters) {
        Counter counter = meters.find("referrals.listener.outage.failures")
                .tag("dependency", ListenerFailure.SCHEMA_REGISTRY).counter();
        return counter == null ? 0 : counter.count();
    }

    private static double deadLetters(MeterRegistry meters) {
        return meters.find("referrals.deadletters.published").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static int portOf(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** The processor on this test's database and topics, and on this registry. */
    private ConfigurableApplicationContext processor(String registryUrl) {
        return SeparateProcessor.start(stack, namespace, database,
                properties -> properties.put("spring.kafka.properties.schema.registry.url", registryUrl));
    }
}
