package dev.referrals.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.schemas.registry.MockSchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frames that cannot be read fail loudly, naming the topic and the schema id, with a reason a DLT can carry. */
class MalformedFramesTest {

    private static final String TOPIC = "referrals.poison";

    private SchemaRegistryClient registry;
    private AvroDeserializer deserializer;
    private byte[] validFrame;
    private int schemaId;

    @BeforeEach
    void registerTheSampleSchema() {
        registry = new MockSchemaRegistryClient();
        GoldenVectors.Vector vector = GoldenVectors.vectors().get(1);
        GenericRecord record = GoldenVectors.toRecord(GoldenVectors.schemaOfVersion(1), vector.framedValue());
        validFrame = new AvroSerializer(registry).serialize(TOPIC, record);
        schemaId = ByteBuffer.wrap(validFrame, 1, Integer.BYTES).getInt();
        deserializer = new AvroDeserializer(registry);
    }

    @Test
    void unknownMagicByteIsRejectedNamingTheTopic() {
        byte[] frame = validFrame.clone();
        frame[0] = 1;

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, frame))
                .isInstanceOf(SerializationException.class)
                .isInstanceOfSatisfying(AvroSerdeException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.MALFORMED_FRAME);
                    assertThat(failure.topic()).isEqualTo(TOPIC);
                    assertThat(failure.isTransient()).isFalse();
                })
                .hasMessageStartingWith("MALFORMED_FRAME: ")
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("magic byte 1");
    }

    @Test
    void frameShorterThanTheHeaderIsRejectedNamingTheTopic() {
        byte[] frame = {0, 0, 0, 1};

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, frame))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.MALFORMED_FRAME))
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("4 bytes");
    }

    @Test
    void emptyValueIsAMalformedFrameNotATombstone() {
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[0]))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.MALFORMED_FRAME));
    }

    @Test
    void unknownSchemaIdIsRejectedNamingTheTopicAndTheId() {
        byte[] frame = HexFormat.of().parseHex("00000003e7" + "00");

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, frame))
                .isInstanceOf(SerializationException.class)
                .isInstanceOfSatisfying(AvroSerdeException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID);
                    assertThat(failure.schemaId()).hasValue(999);
                })
                .hasMessageStartingWith("UNKNOWN_SCHEMA_ID: topic '" + TOPIC + "', schema id 999")
                .hasMessageContaining("40403");
    }

    @Test
    void truncatedBodyIsRejectedNamingTheTopicAndTheId() {
        byte[] frame = Arrays.copyOf(validFrame, validFrame.length - 3);

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, frame))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.UNDECODABLE_BODY);
                    assertThat(failure.schemaId()).hasValue(schemaId);
                })
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("schema id " + schemaId)
                .hasCauseInstanceOf(java.io.EOFException.class);
    }

    @Test
    void garbageBodyIsRejectedRatherThanReadAsNonsense() {
        byte[] frame = Arrays.copyOf(validFrame, ConfluentFrame.HEADER_SIZE + 2);
        frame[ConfluentFrame.HEADER_SIZE] = (byte) 0x7f;

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, frame))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.UNDECODABLE_BODY));
    }

    @Test
    void badFrameDoesNotSpoilTheNextGoodOne() {
        byte[] truncated = Arrays.copyOf(validFrame, validFrame.length - 3);
        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated)).isInstanceOf(AvroSerdeException.class);

        GenericRecord record = (GenericRecord) deserializer.deserialize(TOPIC, validFrame);

        assertThat(record.get("id")).hasToString("ref-7f3c");
    }

    @Test
    void nullValueIsATombstoneBothWays() {
        assertThat(new AvroSerializer(registry).serialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, null, (ByteBuffer) null)).isNull();
    }

    @Test
    void frameInsideALargerBufferIsReadFromItsPosition() {
        byte[] padded = new byte[validFrame.length + 7];
        System.arraycopy(validFrame, 0, padded, 3, validFrame.length);
        ByteBuffer frame = ByteBuffer.wrap(padded, 3, validFrame.length).slice();

        GenericRecord record = (GenericRecord) deserializer.deserialize(TOPIC, null, frame);

        assertThat(record.get("id")).hasToString("ref-7f3c");
    }

    @Test
    void directBufferFramesAreReadToo() {
        ByteBuffer direct = ByteBuffer.allocateDirect(validFrame.length);
        direct.put(validFrame).flip();

        GenericRecord record = (GenericRecord) deserializer.deserialize(TOPIC, null, direct);

        assertThat(record.get("point")).hasToString("{\"x\": 150, \"y\": -64}");
    }

    @Test
    void objectThatIsNotAnAvroRecordIsRejectedNamingItsClass() {
        assertThatThrownBy(() -> new AvroSerializer(registry).serialize(TOPIC, "plain string"))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.UNSUPPORTED_TYPE))
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void recordMissingARequiredFieldIsRejectedNamingTheTopic() {
        GenericRecord incomplete = new org.apache.avro.generic.GenericData.Record(GoldenVectors.schemaOfVersion(1));

        assertThatThrownBy(() -> new AvroSerializer(registry).serialize(TOPIC, incomplete))
                .isInstanceOfSatisfying(AvroSerdeException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(AvroSerdeException.Reason.UNENCODABLE_RECORD))
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("interop.Sample");
    }
}
