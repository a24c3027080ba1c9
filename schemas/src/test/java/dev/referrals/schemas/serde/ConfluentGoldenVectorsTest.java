package dev.referrals.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.schemas.registry.MockSchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.serde.GoldenVectors.Vector;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-for-byte interoperability with Confluent's official Avro serializer: its frames decode to the values it
 * was given, and this serializer writes exactly its bytes.
 */
class ConfluentGoldenVectorsTest {

    /** The golden file's registry gave ids 1-4 to other subjects first. */
    private static final int FILLER_SUBJECTS = 4;

    private static final String SCOPE = "golden-vectors-" + UUID.randomUUID();
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void registerSchemasWithTheGoldenIds() {
        registry = MockSchemaRegistryClient.forScope(SCOPE);
        for (int i = 1; i <= FILLER_SUBJECTS; i++) {
            Schema filler = SchemaBuilder.record("Filler" + i).namespace("interop.filler").fields()
                    .requiredString("f" + i).endRecord();
            assertThat(registry.register("filler-" + i + "-value", filler)).isEqualTo(i);
        }
        assertThat(registry.register(GoldenVectors.SUBJECT, GoldenVectors.schemaOfVersion(1)))
                .isEqualTo(GoldenVectors.idOfVersion(1)).isEqualTo(5);
        assertThat(registry.register(GoldenVectors.SUBJECT, GoldenVectors.schemaOfVersion(2)))
                .isEqualTo(GoldenVectors.idOfVersion(2)).isEqualTo(6);
    }

    @AfterAll
    static void dropRegistry() {
        MockSchemaRegistryClient.dropScope(SCOPE);
    }

    static List<Vector> vectors() {
        return GoldenVectors.vectors();
    }

    @Test
    void everyVectorOfTheFileIsExercised() {
        assertThat(vectors()).hasSize(4).extracting(Vector::schemaId).containsExactly(5, 5, 5, 6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void confluentFrameDecodesToTheValueItHolds(Vector vector) {
        Object decoded = new AvroDeserializer(registry).deserialize(vector.topic(), vector.frame());

        assertThat(decoded).isInstanceOf(GenericRecord.class);
        GenericRecord record = (GenericRecord) decoded;
        assertThat(record.getSchema().getFullName()).isEqualTo("interop.Sample");
        GoldenVectors.assertRecordMatches(record, vector.framedValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reencodingTheDecodedRecordGivesConfluentsBytes(Vector vector) {
        Object decoded = new AvroDeserializer(registry).deserialize(vector.topic(), vector.frame());

        byte[] reencoded = new AvroSerializer(registry).serialize(vector.topic(), decoded);

        assertThat(HexFormat.of().formatHex(reencoded)).isEqualTo(vector.hex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void recordBuiltFromTheValueEncodesToConfluentsBytes(Vector vector) {
        Schema writer = GoldenVectors.schemaOfVersion(vector.writerVersion());
        GenericRecord record = GoldenVectors.toRecord(writer, vector.framedValue());

        byte[] encoded = new AvroSerializer(registry).serialize(vector.topic(), record);

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(vector.hex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void recordBuiltFromTheValueEncodesToConfluentsBytesWithoutAutoRegistration(Vector vector) {
        Schema writer = GoldenVectors.schemaOfVersion(vector.writerVersion());
        AvroSerializer serializer = new AvroSerializer(registry,
                Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"));

        byte[] encoded = serializer.serialize(vector.topic(), GoldenVectors.toRecord(writer, vector.framedValue()));

        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(vector.hex());
    }

    @Test
    void onlyTheHugeNegativeLongDeviatesFromTheValuesConfluentWasGiven() {
        for (Vector vector : vectors()) {
            GenericRecord record = (GenericRecord) new AvroDeserializer(registry)
                    .deserialize(vector.topic(), vector.frame());
            if (vector.index() == GoldenVectors.JS_ZIGZAG_ROUNDING.vectorIndex()) {
                assertThat(record.get("amount")).isNotEqualTo(vector.value().path("amount").longValue());
            } else {
                GoldenVectors.assertRecordMatches(record, vector.value());
            }
        }
    }

    @Test
    void confluentJsLostTheSignOfAHugeNegativeLong() {
        GoldenVectors.ProducerDeviation deviation = GoldenVectors.JS_ZIGZAG_ROUNDING;
        Vector vector = vectors().get(deviation.vectorIndex());
        long given = deviation.valueGiven();
        // What a serializer computing zigzag in doubles writes: -2n - 1 rounds to -2n, the encoding of -n.
        long zigzagInDoubles = (long) ((double) -given * 2 - 1);
        long decodedFromThat = (zigzagInDoubles >>> 1) ^ -(zigzagInDoubles & 1);

        GenericRecord framed = (GenericRecord) new AvroDeserializer(registry).deserialize(vector.topic(),
                vector.frame());

        assertThat(vector.value().path("amount").longValue()).isEqualTo(given);
        assertThat(decodedFromThat).isEqualTo(deviation.valueFramed()).isEqualTo(-given);
        assertThat(framed.get("amount")).isEqualTo(deviation.valueFramed());

        // Encoded correctly, the value given survives a round trip, and its bytes differ from the JS producer's.
        GenericRecord correct = GoldenVectors.toRecord(GoldenVectors.schemaOfVersion(vector.writerVersion()),
                vector.value());
        byte[] ours = new AvroSerializer(registry).serialize(vector.topic(), correct);
        GenericRecord roundTripped = (GenericRecord) new AvroDeserializer(registry).deserialize(vector.topic(), ours);
        assertThat(roundTripped.get("amount")).isEqualTo(given);
        assertThat(HexFormat.of().formatHex(ours)).isNotEqualTo(vector.hex()).hasSameSizeAs(vector.hex());
    }

    @Test
    void version1FrameReadWithVersion2ReaderSchemaGetsTheChannelDefaultEmail() {
        Vector v1 = firstVectorOfSchema(5);
        AvroDeserializer deserializer = new AvroDeserializer(registry, Map.of(), GoldenVectors.schemaOfVersion(2));

        GenericRecord record = (GenericRecord) deserializer.deserialize(v1.topic(), v1.frame());

        assertThat(record.get("channel")).hasToString("EMAIL");
        assertThat(record.get("id")).hasToString(v1.value().path("id").asText());
    }

    @Test
    void version1FrameReadWithTheLatestVersionGetsTheChannelDefaultEmail() {
        Vector v1 = firstVectorOfSchema(5);
        AvroDeserializer deserializer = new AvroDeserializer(registry,
                Map.of(AvroSerdeConfig.USE_LATEST_VERSION, true));

        GenericRecord record = (GenericRecord) deserializer.deserialize(v1.topic(), v1.frame());

        assertThat(record.getSchema().getField("channel")).isNotNull();
        assertThat(record.get("channel")).hasToString("EMAIL");
    }

    @Test
    void version2FrameKeepsItsOwnChannel() {
        Vector v2 = firstVectorOfSchema(6);

        GenericRecord record = (GenericRecord) new AvroDeserializer(registry).deserialize(v2.topic(), v2.frame());

        assertThat(record.get("channel")).hasToString("SMS");
    }

    private static Vector firstVectorOfSchema(int schemaId) {
        return vectors().stream().filter(vector -> vector.schemaId() == schemaId).findFirst().orElseThrow();
    }
}
