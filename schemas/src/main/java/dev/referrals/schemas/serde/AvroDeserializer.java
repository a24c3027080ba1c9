package dev.referrals.schemas.serde;

import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import dev.referrals.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer of Confluent-framed Avro, reading what Confluent's {@code KafkaAvroSerializer} writes and
 * configured with the keys of Confluent's {@code KafkaAvroDeserializer} (see {@link AvroSerdeConfig}).
 *
 * <p>The writer schema is fetched by the frame's id and resolved against the reader schema, chosen in this order:
 * <ul>
 *   <li>with {@code specific.avro.reader=true}, the schema of the generated class named like the explicit reader
 *       schema, else the newest version (with {@code use.latest.version=true}), else the writer schema; the
 *       result is that class;</li>
 *   <li>otherwise the explicit reader schema, else the newest version of the subject (with
 *       {@code use.latest.version=true}), else the writer schema itself; the result is a {@code GenericRecord}.</li>
 * </ul>
 *
 * <p>Thread-safe. Datum readers are cached per (writer id, reader schema) and each thread reuses its decoder, so a
 * warm deserializer makes no registry call per record. Every failure is an {@link AvroSerdeException} naming the
 * topic and, once read, the schema id; nothing is swallowed.
 */
public class AvroDeserializer implements Deserializer<Object> {

    private record ReaderKey(int writerId, Schema latestReader) {
    }

    private SchemaRegistryClient client;
    private boolean ownsClient;
    private SerdeSettings settings = SerdeSettings.defaults();
    private boolean isKey;
    private volatile Schema explicitReaderSchema;
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

    /** For Kafka's instantiation by class name; {@link #configure} then builds the registry client. */
    public AvroDeserializer() {
    }

    /** A deserializer with this registry client and default settings (generic records, writer schema as reader). */
    public AvroDeserializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** A value deserializer with this registry client, configured by the map. */
    public AvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs) {
        this(client);
        configure(configs, false);
    }

    /** A value deserializer that resolves every writer schema against this reader schema. */
    public AvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, Schema readerSchema) {
        this(client, configs);
        setReaderSchema(readerSchema);
    }

    /** Reads every record with this reader schema from now on; null returns to the configured choice. */
    public void setReaderSchema(Schema readerSchema) {
        this.explicitReaderSchema = readerSchema;
        readers.clear();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.settings = SerdeSettings.fromConfig(configs);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
            ownsClient = true;
        }
        readers.clear();
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return data == null ? null : read(topic, ByteBuffer.wrap(data));
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    /** Kafka's consumer calls this one; reading the buffer in place spares a copy per record. */
    @Override
    public Object deserialize(String topic, Headers headers, ByteBuffer data) {
        return data == null ? null : read(topic, data);
    }

    @Override
    public void close() {
        if (ownsClient && client != null) {
            client.close();
        }
    }

    private Object read(String topic, ByteBuffer frame) {
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer has no registry client: call configure() with "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or construct it with a client");
        }
        int schemaId = ConfluentFrame.schemaId(topic, frame);
        DatumReader<Object> reader = readerFor(topic, schemaId);
        int bodyLength = frame.remaining() - ConfluentFrame.HEADER_SIZE;
        BinaryDecoder decoder;
        if (frame.hasArray()) {
            decoder = DecoderFactory.get().binaryDecoder(frame.array(),
                    frame.arrayOffset() + frame.position() + ConfluentFrame.HEADER_SIZE, bodyLength, decoders.get());
        } else {
            byte[] body = new byte[bodyLength];
            frame.duplicate().position(frame.position() + ConfluentFrame.HEADER_SIZE).get(body);
            decoder = DecoderFactory.get().binaryDecoder(body, decoders.get());
        }
        decoders.set(decoder);
        try {
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException undecodable) {
            throw new AvroSerdeException(AvroSerdeException.Reason.UNDECODABLE_BODY, topic, schemaId,
                    "the Avro body (" + bodyLength + " bytes) does not decode with the writer schema: "
                            + undecodable, undecodable);
        }
    }

    private DatumReader<Object> readerFor(String topic, int schemaId) {
        Schema latest = settings.useLatestVersion() && explicitReaderSchema == null
                ? latestSchema(topic, schemaId) : null;
        ReaderKey key = new ReaderKey(schemaId, latest);
        DatumReader<Object> reader = readers.get(key);
        if (reader == null) {
            reader = newReader(topic, schemaId, latest);
            readers.put(key, reader);
        }
        return reader;
    }

    private DatumReader<Object> newReader(String topic, int schemaId, Schema latest) {
        Schema writer = writerSchema(topic, schemaId);
        Schema chosen = explicitReaderSchema != null ? explicitReaderSchema : latest != null ? latest : writer;
        if (settings.specificAvroReader()) {
            SpecificData model = specificModel(topic, schemaId, chosen);
            Schema reader = model.getSchema(model.getClass(chosen));
            requireResolvable(topic, schemaId, writer, reader);
            return new SpecificDatumReader<>(writer, reader, model);
        }
        requireResolvable(topic, schemaId, writer, chosen);
        return new GenericDatumReader<>(writer, chosen, GenericData.get());
    }

    private Schema writerSchema(String topic, int schemaId) {
        try {
            return client.schemaById(schemaId);
        } catch (SchemaRegistryException failure) {
            throw RegistryFailures.fetchingWriterSchema(topic, schemaId, failure);
        }
    }

    private Schema latestSchema(String topic, int schemaId) {
        String subject = settings.subjectNameStrategy(isKey).subjectName(topic, isKey, writerSchema(topic, schemaId));
        try {
            return client.latest(subject).schema();
        } catch (SchemaRegistryException failure) {
            throw RegistryFailures.fetchingLatest(topic, schemaId, subject, failure);
        }
    }

    /** The model of the generated class of that name, which carries the class's logical-type conversions. */
    private static SpecificData specificModel(String topic, int schemaId, Schema named) {
        Class<?> generated = SpecificData.get().getClass(named);
        if (generated == null) {
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            generated = context == null ? null : new SpecificData(context).getClass(named);
        }
        if (generated == null || named.getType() != Schema.Type.RECORD) {
            throw new AvroSerdeException(AvroSerdeException.Reason.NO_SPECIFIC_CLASS, topic, schemaId,
                    AvroSerdeConfig.SPECIFIC_AVRO_READER + " is on but no generated class "
                            + SpecificData.getClassName(named) + " is on the classpath", null);
        }
        return SpecificData.getForClass(generated);
    }

    /** Checked once per reader, so a mismatch fails with both schemas named rather than as a decoding error. */
    private static void requireResolvable(String topic, int schemaId, Schema writer, Schema reader) {
        if (reader == writer) {
            return;
        }
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new AvroSerdeException(AvroSerdeException.Reason.INCOMPATIBLE_READER_SCHEMA, topic, schemaId,
                    "reader schema " + reader.getFullName() + " cannot read data written with "
                            + writer.getFullName() + ": " + result.getResult().getIncompatibilities(), null);
        }
    }
}
