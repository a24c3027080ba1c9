package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.referrals.localstack.registry.RegistryRecord.CompatibilityCleared;
import dev.referrals.localstack.registry.RegistryRecord.CompatibilitySet;
import dev.referrals.localstack.registry.RegistryRecord.SubjectSoftDeleted;
import dev.referrals.localstack.registry.RegistryRecord.VersionErased;
import dev.referrals.localstack.registry.RegistryRecord.VersionWritten;
import dev.referrals.schemas.registry.CompatibilityLevel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code _schemas} records look like the ones Confluent Schema Registry writes, and read back unchanged. */
class RegistryRecordCodecTest {

    private final RegistryRecordCodec codec = new RegistryRecordCodec(new ObjectMapper());

    @Test
    void aVersionIsASchemaKeyWithMagicOneAndConfluentsValue() {
        RegistryRecordCodec.Encoded encoded = codec.encode(new VersionWritten(
                new StoredVersion("users-value", 2, 7, "\"string\"", false)));

        assertThat(text(encoded.key()))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"users-value\",\"version\":2,\"magic\":1}");
        assertThat(text(encoded.value())).isEqualTo(
                "{\"subject\":\"users-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
    }

    @Test
    void aPermanentVersionDeleteIsATombstoneForTheSameKey() {
        RegistryRecordCodec.Encoded written = codec.encode(new VersionWritten(
                new StoredVersion("users-value", 2, 7, "\"string\"", true)));
        RegistryRecordCodec.Encoded erased = codec.encode(new VersionErased("users-value", 2));

        assertThat(erased.key()).isEqualTo(written.key());
        assertThat(erased.value()).isNull();
    }

    @Test
    void configKeysHaveMagicZeroAndANullSubjectForTheGlobalLevel() {
        RegistryRecordCodec.Encoded global = codec.encode(new CompatibilitySet(null, CompatibilityLevel.FULL));
        RegistryRecordCodec.Encoded subject = codec.encode(new CompatibilityCleared("users-value"));

        assertThat(text(global.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(global.value())).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(text(subject.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":\"users-value\",\"magic\":0}");
        assertThat(subject.value()).isNull();
    }

    @Test
    void aSoftSubjectDeleteIsADeleteSubjectRecordWithTheLastVersion() {
        RegistryRecordCodec.Encoded encoded = codec.encode(new SubjectSoftDeleted("users-value", 3));

        assertThat(text(encoded.key()))
                .isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"users-value\",\"magic\":0}");
        assertThat(text(encoded.value())).isEqualTo("{\"subject\":\"users-value\",\"version\":3}");
    }

    @Test
    void everyRecordReadsBackAsItWasWritten() {
        List<RegistryRecord> records = List.of(
                new VersionWritten(new StoredVersion("users-value", 1, 1, "\"string\"", false)),
                new VersionWritten(new StoredVersion("users-value", 1, 1, "\"string\"", true)),
                new VersionErased("users-value", 1),
                new SubjectSoftDeleted("users-value", 4),
                new CompatibilitySet("users-value", CompatibilityLevel.FORWARD_TRANSITIVE),
                new CompatibilitySet(null, CompatibilityLevel.NONE),
                new CompatibilityCleared("users-value"),
                new CompatibilityCleared(null));

        for (RegistryRecord record : records) {
            RegistryRecordCodec.Encoded encoded = codec.encode(record);
            assertThat(codec.decode(encoded.key(), encoded.value())).contains(record);
        }
    }

    @Test
    void recordsConfluentWritesWithExtraFieldsAreRead() {
        byte[] key = bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"users-value\",\"version\":1,\"magic\":1}");
        byte[] value = bytes("{\"subject\":\"users-value\",\"version\":1,\"id\":3,\"references\":[],"
                + "\"schema\":\"\\\"string\\\"\",\"deleted\":false,\"md5\":\"abc\",\"ts\":1}");

        assertThat(codec.decode(key, value)).contains(
                new VersionWritten(new StoredVersion("users-value", 1, 3, "\"string\"", false)));
    }

    @Test
    void keyTypesThisRegistryDoesNotTrackAreSkipped() {
        assertThat(codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isEmpty();
        assertThat(codec.decode(bytes("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}"),
                bytes("{\"mode\":\"READWRITE\"}"))).isEmpty();
        assertThat(codec.decode(
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"p\",\"version\":1,\"magic\":1}"),
                bytes("{\"subject\":\"p\",\"version\":1,\"id\":9,\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}")))
                .isEmpty();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
