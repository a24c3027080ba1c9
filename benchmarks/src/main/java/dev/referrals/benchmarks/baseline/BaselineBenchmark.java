package dev.referrals.benchmarks.baseline;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.api.DeclineTarget;
import dev.referrals.benchmarks.api.HttpBenchmark;
import dev.referrals.benchmarks.api.HttpFigures;
import dev.referrals.benchmarks.harness.BenchmarkContext;
import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.localrun.PipelineSettings;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The baselines, measured in the same run on the same machine as the pipeline they are compared with. */
public final class BaselineBenchmark {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final String KAFKA_TOPIC = "bench.kafka-baseline-";
    private static final String KAFKA_LATENCY_TOPIC = "bench.kafka-latency-";

    private final BenchmarkContext context;

    public BaselineBenchmark(BenchmarkContext context) {
        this.context = context;
    }

    public BaselineFigures run() {
        BenchmarkSettings.Baselines settings = context.settings().baselines();
        int recordBytes = referralRequestedBytes(context.stack().newTopicNamespace());
        KafkaBaseline kafka = new KafkaBaseline(context.java(), context.stack().kafkaBootstrapServers(),
                Topics.DEFAULT_PARTITIONS);
        String topic = KAFKA_TOPIC + context.runId();
        kafka.createTopic(topic);
        KafkaBaseline.ProducerFigures producer = kafka.produce(topic, settings.kafkaRecords(), recordBytes, -1);
        context.progress().line(String.format("baseline: Kafka ProducerPerformance, %d-byte records, acks=all: "
                + "%.0f records/s", recordBytes, producer.recordsPerSecond()));
        double consumer = kafka.consume(topic, settings.kafkaRecords());
        context.progress().line(String.format("baseline: Kafka ConsumerPerformance: %.0f records/s", consumer));
        String latencyTopic = KAFKA_LATENCY_TOPIC + context.runId();
        kafka.createTopic(latencyTopic);
        KafkaBaseline.ProducerFigures atRate = kafka.produce(latencyTopic, settings.kafkaLatencyRecords(),
                recordBytes, settings.kafkaLatencyRate());
        context.progress().line(String.format("baseline: Kafka ProducerPerformance at %d/s: p99 %.0f ms",
                settings.kafkaLatencyRate(), atRate.latency().p99()));

        PostgresBaseline.Figures postgres = new PostgresBaseline().measure(context.stack().newDatabase(),
                settings.postgresDuration());
        context.progress().line(String.format("baseline: PostgreSQL: %.0f single-row commits/s, %.0f rows/s in "
                + "batches of %d", postgres.singleRowCommitsPerSecond(), postgres.batchedRowsPerSecond(),
                PostgresBaseline.BATCH));

        SmtpBaseline.Figures smtp = new SmtpBaseline().measure(context.stack().mail().host(),
                context.stack().mail().smtpPort(), settings.smtpMessages());
        context.stack().mail().clear();
        context.progress().line(String.format("baseline: SMTP sink: %.0f messages/s with a connection each, %.0f "
                + "over one connection", smtp.connectionPerMessagePerSecond(), smtp.oneConnectionPerSecond()));

        HttpFigures bare;
        try (BareEndpoint endpoint = BareEndpoint.start(context.java(), context.settings().serviceJvmOptions(),
                PipelineSettings.DEFAULT_READY_TIMEOUT)) {
            context.progress().line(String.format("baseline: bare endpoint ready in %.1f s",
                    endpoint.startUp().toNanos() / NANOS_PER_SECOND));
            bare = new HttpBenchmark(context.settings(), context.progress())
                    .run("bare endpoint", new DeclineTarget(endpoint.port(), context.serviceToken(), "bare-" + context.runId() + "-"),
                            endpoint.pid(), endpoint.startUp().toNanos() / NANOS_PER_SECOND,
                            closedLoop -> context.cpu(Map.of("bare endpoint", endpoint.pid()), closedLoop));
        }
        return new BaselineFigures(recordBytes, producer, atRate, settings.kafkaLatencyRate(), consumer, postgres,
                smtp, bare);
    }

    /** The wire size of a typical request: a profile URL and a message, framed with its schema id. */
    private int referralRequestedBytes(TopicNamespace namespace) {
        AvroSerializer serializer = new AvroSerializer();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                context.stack().schemaRegistryUrl().orElseThrow(), AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false),
                false);
        ReferralRequested typical = ReferralRequested.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setInvitationId("inv-12345").setJobId("job-12345")
                .setClientId("cl-1234").setReferrerId("fl-12345")
                .setReferee("https://marketplace.example/freelancers/fl-12346").setRefereeKind(RefereeKind.PROFILE_URL)
                .setMessage("I worked with them on three projects like this one; they deliver.")
                .setRequestedAt(Instant.now()).build();
        try {
            return serializer.serialize(namespace.name(Topics.REFERRAL_REQUESTED), typical).length;
        } finally {
            serializer.close();
        }
    }
}
