package dev.referrals.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.registry.MockSchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generated event classes of this module through the serde, with Confluent's configuration keys. */
class SpecificRecordSerdeTest {

    private static final String TOPIC = Topics.REFERRAL_REQUESTED.name();
    private static final String SUBJECT = Topics.REFERRAL_REQUESTED.valueSubject();

    private final String scope = "specific-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = MockSchemaRegistryClient.forScope(scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistryClient.dropScope(scope);
    }

    @Test
    void referralRequestedRoundTripsAsTheGeneratedClassWithSpecificReader() {
        ReferralRequested sent = referralRequested("req-1", "Ana fits better");

        byte[] frame = serializer(Map.of()).serialize(TOPIC, sent);
        Object received = deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true")).deserialize(TOPIC, frame);

        assertThat(received).isInstanceOf(ReferralRequested.class).isEqualTo(sent);
        assertThat(((ReferralRequested) received).getRequestedAt()).isEqualTo(sent.getRequestedAt());
    }

    @Test
    void autoRegisteredSchemaLandsUnderTheTopicValueSubject() {
        byte[] frame = serializer(Map.of()).serialize(TOPIC, referralRequested("req-1", null));

        assertThat(registry.subjects()).containsExactly(SUBJECT);
        assertThat(ByteBuffer.wrap(frame, 1, Integer.BYTES).getInt()).isEqualTo(registry.latest(SUBJECT).id());
        assertThat(frame[0]).isEqualTo(ConfluentFrame.MAGIC_BYTE);
    }

    @Test
    void withoutSpecificReaderTheSameFrameIsAGenericRecordWithRawMillis() {
        ReferralRequested sent = referralRequested("req-2", null);
        byte[] frame = serializer(Map.of()).serialize(TOPIC, sent);

        Object received = deserializer(Map.of()).deserialize(TOPIC, frame);

        assertThat(received).isInstanceOf(GenericRecord.class).isNotInstanceOf(ReferralRequested.class);
        GenericRecord record = (GenericRecord) received;
        assertThat(record.get("requestId")).hasToString("req-2");
        assertThat(record.get("requestedAt")).isEqualTo(sent.getRequestedAt().toEpochMilli());
        assertThat(record.get("message")).isNull();
    }

    @Test
    void tombstoneOfACompactedTopicStaysNull() {
        assertThat(serializer(Map.of()).serialize(Topics.ACCOUNTS.name(), null)).isNull();
        assertThat(deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true))
                .deserialize(Topics.ACCOUNTS.name(), null)).isNull();
    }

    @Test
    void unregisteredSchemaFailsClearlyWhenAutoRegistrationIsOff() {
        AvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, referralRequested("req-3", null)))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED);
                    assertThat(failure.isTransient()).isFalse();
                })
                .hasMessageContaining(TOPIC)
                .hasMessageContaining(SUBJECT)
                .hasMessageContaining("dev.referrals.events.ReferralRequested")
                .hasMessageContaining(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void registeredSchemaIsFoundByLookupWhenAutoRegistrationIsOff() {
        int id = registry.register(SUBJECT, ReferralRequested.getClassSchema());
        AvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        byte[] frame = serializer.serialize(TOPIC, referralRequested("req-4", null));

        assertThat(ByteBuffer.wrap(frame, 1, Integer.BYTES).getInt()).isEqualTo(id);
        assertThat(registry.versions(SUBJECT)).containsExactly(1);
    }

    @Test
    void useLatestVersionWritesWithTheNewestRegisteredIdAndFillsItsDefaults() {
        Schema v1 = GoldenVectors.schemaOfVersion(1);
        Schema v2 = GoldenVectors.schemaOfVersion(2);
        registry.register("samples-value", v1);
        int v2Id = registry.register("samples-value", v2);
        GenericRecord v1Record = GoldenVectors.toRecord(v1, GoldenVectors.vectors().get(1).framedValue());
        AvroSerializer serializer = serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false));

        byte[] frame = serializer.serialize("samples", v1Record);

        assertThat(ByteBuffer.wrap(frame, 1, Integer.BYTES).getInt()).isEqualTo(v2Id);
        GenericRecord read = (GenericRecord) deserializer(Map.of()).deserialize("samples", frame);
        assertThat(read.getSchema()).isEqualTo(v2);
        assertThat(read.get("channel")).hasToString("EMAIL");
        assertThat(read.get("note")).hasToString("Too busy this month; Ana fits better.");
    }

    @Test
    void useLatestVersionWithTheSameLayoutWritesTheRecordAsIs() {
        // The registered text lacks the generated class's avro.java.string properties, as a hand-registered
        // .avsc would; the bytes are the same, so the record is written directly under the registered id.
        Schema registered = new Schema.Parser().parse(
                ReferralRequested.getClassSchema().toString().replace(",\"avro.java.string\":\"String\"", ""));
        int id = registry.register(SUBJECT, registered);
        ReferralRequested sent = referralRequested("req-5", "hello");

        byte[] frame = serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, "true")).serialize(TOPIC, sent);

        assertThat(ByteBuffer.wrap(frame, 1, Integer.BYTES).getInt()).isEqualTo(id);
        assertThat(registry.versions(SUBJECT)).containsExactly(1);
        assertThat(deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true)).deserialize(TOPIC, frame))
                .isEqualTo(sent);
    }

    @Test
    void useLatestVersionRefusesWhenTheNewestVersionCannotReadTheRecord() {
        Schema narrow = SchemaBuilder.record("Sample").namespace("interop").fields()
                .requiredString("id").requiredString("mandatoryElsewhere").endRecord();
        registry.setCompatibility("samples-value", dev.referrals.schemas.registry.CompatibilityLevel.NONE);
        registry.register("samples-value", narrow);
        GenericRecord v1Record = GoldenVectors.toRecord(GoldenVectors.schemaOfVersion(1),
                GoldenVectors.vectors().get(0).framedValue());

        assertThatThrownBy(() -> serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true))
                .serialize("samples", v1Record))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA))
                .hasMessageContaining("samples-value")
                .hasMessageContaining(AvroSerdeConfig.LATEST_COMPATIBILITY_STRICT);
    }

    @Test
    void useLatestVersionWithoutAnyVersionFailsNamingTheSubject() {
        assertThatThrownBy(() -> serializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true))
                .serialize(TOPIC, referralRequested("req-6", null)))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED))
                .hasMessageContaining(SUBJECT);
    }

    @Test
    void deserializerWithUseLatestVersionReadsWithTheNewestVersion() {
        Schema v1 = GoldenVectors.schemaOfVersion(1);
        byte[] v1Frame = serializer(Map.of()).serialize("samples",
                GoldenVectors.toRecord(v1, GoldenVectors.vectors().get(0).framedValue()));
        AvroDeserializer deserializer = deserializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true));
        assertThat(((GenericRecord) deserializer.deserialize("samples", v1Frame)).getSchema().getField("channel"))
                .isNull();

        registry.register("samples-value", GoldenVectors.schemaOfVersion(2));
        AvroDeserializer fresh = deserializer(Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true));

        assertThat(((GenericRecord) fresh.deserialize("samples", v1Frame)).get("channel")).hasToString("EMAIL");
    }

    @Test
    void specificReaderWithoutAGeneratedClassFailsNamingTheClass() {
        byte[] frame = serializer(Map.of()).serialize("samples", GoldenVectors.toRecord(
                GoldenVectors.schemaOfVersion(1), GoldenVectors.vectors().get(0).framedValue()));

        assertThatThrownBy(() -> deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true))
                .deserialize("samples", frame))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.NO_SPECIFIC_CLASS))
                .hasMessageContaining("interop.Sample");
    }

    @Test
    void readerSchemaThatCannotReadTheWriterFailsNamingBoth() {
        byte[] frame = serializer(Map.of()).serialize(TOPIC, referralRequested("req-7", null));
        Schema unrelated = SchemaBuilder.record("ReferralRequested").namespace("dev.referrals.events").fields()
                .requiredInt("somethingElse").endRecord();

        assertThatThrownBy(() -> new AvroDeserializer(registry, Map.of(), unrelated).deserialize(TOPIC, frame))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.INCOMPATIBLE_READER_SCHEMA))
                .hasMessageContaining("somethingElse");
    }

    @Test
    void incompatibleSchemaIsRefusedByTheRegistryWithAClearReason() {
        serializer(Map.of()).serialize(TOPIC, referralRequested("req-8", null));
        Schema breaking = SchemaBuilder.record("ReferralRequested").namespace("dev.referrals.events").fields()
                .requiredString("requestId").requiredString("brandNewRequiredField").endRecord();
        GenericRecord record = new GenericData.Record(breaking);
        record.put("requestId", "r");
        record.put("brandNewRequiredField", "x");

        assertThatThrownBy(() -> serializer(Map.of()).serialize(TOPIC, record))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA))
                .hasMessageContaining(SUBJECT)
                .hasMessageContaining("409");
    }

    @Test
    void keySerializerUsesTheTopicKeySubject() {
        AvroSerializer keySerializer = new AvroSerializer(registry);
        keySerializer.configure(Map.of(), true);

        keySerializer.serialize(TOPIC, referralRequested("req-9", null));

        assertThat(registry.subjects()).containsExactly(TOPIC + "-key");
    }

    @Test
    void confluentRecordNameStrategyClassNameIsUnderstood() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy");

        serializer(config).serialize(TOPIC, referralRequested("req-10", null));

        assertThat(registry.subjects()).containsExactly("dev.referrals.events.ReferralRequested");
    }

    @Test
    void topicRecordNameStrategyByOwnClassNamesTheSubjectAfterTopicAndRecord() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                TopicRecordNameStrategy.class);

        serializer(config).serialize(TOPIC, account());

        assertThat(registry.subjects()).containsExactly(TOPIC + "-dev.referrals.marketplace.Account");
    }

    @Test
    void unknownStrategyClassIsAConfigurationError() {
        assertThatThrownBy(() -> serializer(Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "no.such.Strategy")))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining("no.such.Strategy");
    }

    @Test
    void kafkaCanInstantiateAndConfigureTheSerdeByClassName() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistryClient.MOCK_URL_PREFIX + scope);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, "true");
        @SuppressWarnings("unchecked")
        Serializer<Object> serializer = Utils.newInstance(AvroSerializer.class.getName(), Serializer.class);
        @SuppressWarnings("unchecked")
        Deserializer<Object> deserializer = Utils.newInstance(AvroDeserializer.class.getName(), Deserializer.class);
        serializer.configure(config, false);
        deserializer.configure(config, false);
        ReferralRequested sent = referralRequested("req-11", "m");

        Object received = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, sent));

        assertThat(received).isEqualTo(sent);
        assertThat(registry.subjects()).containsExactly(SUBJECT);
        serializer.close();
        deserializer.close();
    }

    @Test
    void serdeWrapperRoundTripsThroughOneClient() {
        try (AvroSerde serde = new AvroSerde(registry)) {
            serde.configure(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
            Account sent = account();

            Object received = serde.deserializer().deserialize(Topics.ACCOUNTS.name(),
                    serde.serializer().serialize(Topics.ACCOUNTS.name(), sent));

            assertThat(received).isEqualTo(sent);
        }
    }

    @Test
    void concurrentThreadsShareOneSerializerAndDeserializerSafely() throws Exception {
        final int threads = 4;
        final int recordsPerThread = 2_000;
        AvroSerializer serializer = serializer(Map.of());
        AvroDeserializer deserializer = deserializer(Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER, true));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int thread = t;
                work.add(() -> {
                    int matched = 0;
                    for (int i = 0; i < recordsPerThread; i++) {
                        ReferralRequested sent = referralRequested("t" + thread + "-" + i,
                                "message ".repeat(i % 40));
                        if (deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, sent)).equals(sent)) {
                            matched++;
                        }
                    }
                    return matched;
                });
            }
            int matched = 0;
            for (Future<Integer> result : pool.invokeAll(work)) {
                matched += result.get();
            }
            assertThat(matched).isEqualTo(threads * recordsPerThread);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    private AvroSerializer serializer(Map<String, ?> config) {
        return new AvroSerializer(registry, config);
    }

    private AvroDeserializer deserializer(Map<String, ?> config) {
        return new AvroDeserializer(registry, config);
    }

    private static ReferralRequested referralRequested(String requestId, String message) {
        return ReferralRequested.newBuilder()
                .setRequestId(requestId)
                .setInvitationId("inv-1")
                .setJobId("job-1")
                .setClientId("client-1")
                .setReferrerId("freelancer-1")
                .setReferee("https://marketplace.example/freelancers/ana")
                .setRefereeKind(RefereeKind.PROFILE_URL)
                .setMessage(message)
                .setRequestedAt(Instant.parse("2025-11-26T10:20:00.123Z"))
                .build();
    }

    private static Account account() {
        return Account.newBuilder()
                .setAccountId("acc-1")
                .setKind(AccountKind.FREELANCER)
                .setDisplayName("Ana")
                .setEmail("ana@example.com")
                .setProfileUrl(null)
                .setStatus(AccountStatus.ACTIVE)
                .setUpdatedAt(Instant.ofEpochMilli(1_764_150_000_123L))
                .build();
    }
}
