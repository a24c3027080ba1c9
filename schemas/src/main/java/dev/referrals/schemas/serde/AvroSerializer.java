package dev.referrals.schemas.serde;

import dev.referrals.schemas.registry.RegisteredSchema;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import dev.referrals.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer of Avro records ({@code SpecificRecord} or {@code GenericRecord}) in Confluent's wire format,
 * byte-compatible with Confluent's {@code KafkaAvroSerializer} and configured with the same keys (see
 * {@link AvroSerdeConfig}). A null value stays null, so tombstones pass through.
 *
 * <p>Thread-safe, as Kafka producers share one serializer across threads. After the first record of a schema,
 * serializing makes no registry call: the schema id and the datum writer are cached per subject and schema, and each
 * thread reuses its own binary encoder.
 */
public class AvroSerializer implements Serializer<Object> {

    /** Room for a typical event without regrowing the buffer. */
    private static final int INITIAL_BUFFER_SIZE = 256;
    /** Marks a write plan that does not depend on the subject's newest version. */
    private static final int NOT_LATEST = -1;

    private static final ClassValue<SpecificData> SPECIFIC_MODELS = new ClassValue<>() {
        @Override
        protected SpecificData computeValue(Class<?> type) {
            return SpecificData.getForClass(type);
        }
    };

    private record PlanKey(String subject, Schema schema, GenericData model, int latestId) {
    }

    /** How records of one schema are written: the id in the frame, the writer, and a projection if needed. */
    private record WritePlan(int schemaId, DatumWriter<Object> writer, SchemaProjection projection) {
    }

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private SerdeSettings settings = SerdeSettings.defaults();
    private boolean isKey;
    private final Map<PlanKey, WritePlan> plans = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryEncoder> encoders = new ThreadLocal<>();

    /** For Kafka's instantiation by class name; {@link #configure} then builds the registry client. */
    public AvroSerializer() {
    }

    /** A serializer with this registry client and default settings, for tests and hand-built producers. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A value serializer with this registry client, configured by the map. */
    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
        this(client);
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.settings = SerdeSettings.fromConfig(configs);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
            ownsClient = true;
        }
        plans.clear();
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer has no registry client: call configure() with "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or construct it with a client");
        }
        if (!(data instanceof GenericContainer record)) {
            throw new AvroSerdeException(AvroSerdeException.Reason.UNSUPPORTED_TYPE, topic, null,
                    "expected an Avro SpecificRecord or GenericRecord, got " + data.getClass().getName(), null);
        }
        Schema schema = record.getSchema();
        String subject = settings.subjectNameStrategy(isKey).subjectName(topic, isKey, schema);
        GenericData model = modelOf(record);
        WritePlan plan = settings.useLatestVersion() ? latestPlan(topic, subject, schema, model)
                : ownSchemaPlan(topic, subject, schema, model);
        return encode(topic, plan, record);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }

    /** A writer whose model matches the record class: conversions such as Instant only exist in specific models. */
    static DatumWriter<Object> newWriter(Schema schema, GenericData model) {
        return model instanceof SpecificData specific ? new SpecificDatumWriter<>(schema, specific)
                : new GenericDatumWriter<>(schema, model);
    }

    private WritePlan ownSchemaPlan(String topic, String subject, Schema schema, GenericData model) {
        PlanKey key = new PlanKey(subject, schema, model, NOT_LATEST);
        WritePlan plan = plans.get(key);
        if (plan == null) {
            plan = new WritePlan(ownSchemaId(topic, subject, schema), newWriter(schema, model), null);
            plans.put(key, plan);
        }
        return plan;
    }

    private int ownSchemaId(String topic, String subject, Schema schema) {
        try {
            return settings.autoRegisterSchemas() ? client.register(subject, schema)
                    : client.lookup(subject, schema).id();
        } catch (SchemaRegistryException failure) {
            throw RegistryFailures.findingWriteId(topic, subject, schema.getFullName(),
                    settings.autoRegisterSchemas(), failure);
        }
    }

    private WritePlan latestPlan(String topic, String subject, Schema schema, GenericData model) {
        RegisteredSchema latest;
        try {
            latest = client.latest(subject);
        } catch (SchemaRegistryException failure) {
            throw RegistryFailures.fetchingLatest(topic, null, subject, failure);
        }
        PlanKey key = new PlanKey(subject, schema, model, latest.id());
        WritePlan plan = plans.get(key);
        if (plan == null) {
            plan = newLatestPlan(topic, subject, schema, model, latest);
            plans.put(key, plan);
        }
        return plan;
    }

    private WritePlan newLatestPlan(String topic, String subject, Schema schema, GenericData model,
            RegisteredSchema latest) {
        // Same binary layout (parsing canonical form) means the record's own writer produces the latest's bytes;
        // only docs, defaults or Java-specific properties differ.
        if (SchemaNormalization.parsingFingerprint64(schema)
                == SchemaNormalization.parsingFingerprint64(latest.schema())) {
            return new WritePlan(latest.id(), newWriter(schema, model), null);
        }
        boolean latestReadsRecord = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema)
                .getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
        if (latestReadsRecord) {
            return new WritePlan(latest.id(), newWriter(latest.schema(), GenericData.get()),
                    new SchemaProjection(schema, model, latest.schema()));
        }
        if (settings.latestCompatibilityStrict()) {
            throw new AvroSerdeException(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA, topic, latest.id(),
                    "the newest version " + latest.version() + " of subject '" + subject + "' cannot read records of "
                            + "schema " + schema.getFullName() + ", and " + AvroSerdeConfig.LATEST_COMPATIBILITY_STRICT
                            + " is on", null);
        }
        // Not strict: write the record as it is with the newest schema, as Confluent's serializer does.
        return new WritePlan(latest.id(), newWriter(latest.schema(), model), null);
    }

    private byte[] encode(String topic, WritePlan plan, GenericContainer record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(INITIAL_BUFFER_SIZE);
        ConfluentFrame.writeHeader(out, plan.schemaId());
        try {
            Object datum = plan.projection() == null ? record : plan.projection().apply(record);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, encoders.get());
            encoders.set(encoder);
            plan.writer().write(datum, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException unencodable) {
            throw new AvroSerdeException(AvroSerdeException.Reason.UNENCODABLE_RECORD, topic, plan.schemaId(),
                    "cannot encode a " + record.getSchema().getFullName() + " record: " + unencodable, unencodable);
        }
        return out.toByteArray();
    }

    private static GenericData modelOf(GenericContainer record) {
        if (record instanceof SpecificRecordBase generated) {
            return generated.getSpecificData();
        }
        if (record instanceof SpecificRecord) {
            return SPECIFIC_MODELS.get(record.getClass());
        }
        return GenericData.get();
    }
}
