package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.referrals.localstack.registry.RegistryRecord.CompatibilityCleared;
import dev.referrals.localstack.registry.RegistryRecord.CompatibilitySet;
import dev.referrals.localstack.registry.RegistryRecord.SubjectSoftDeleted;
import dev.referrals.localstack.registry.RegistryRecord.VersionErased;
import dev.referrals.localstack.registry.RegistryRecord.VersionWritten;
import dev.referrals.schemas.registry.CompatibilityLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Confluent's {@code _schemas} record shapes, key and value both JSON:
 * <pre>
 * {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}      → {"subject","version","id","schema","deleted"} | null
 * {"keytype":"CONFIG","subject":null|"s","magic":0}             → {"compatibilityLevel":"BACKWARD"} | null
 * {"keytype":"DELETE_SUBJECT","subject":"s","magic":0}          → {"subject":"s","version":3}
 * </pre>
 * Keys are written field by field in this order, so one logical key is always the same bytes and compaction keeps
 * only its latest value. Key types this registry does not use (NOOP, MODE, ...) decode to nothing.
 */
final class RegistryRecordCodec {

    static final String SCHEMA = "SCHEMA";
    static final String CONFIG = "CONFIG";
    static final String DELETE_SUBJECT = "DELETE_SUBJECT";
    private static final int SCHEMA_KEY_MAGIC = 1;
    private static final int OTHER_KEY_MAGIC = 0;

    /** A record as it goes to Kafka; a null {@code value} is a tombstone. */
    record Encoded(byte[] key, byte[] value) {
    }

    private final ObjectMapper json;

    RegistryRecordCodec(ObjectMapper json) {
        this.json = json;
    }

    Encoded encode(RegistryRecord record) {
        if (record instanceof VersionWritten written) {
            StoredVersion v = written.version();
            ObjectNode value = json.createObjectNode()
                    .put("subject", v.subject())
                    .put("version", v.version())
                    .put("id", v.id())
                    .put("schema", v.schema())
                    .put("deleted", v.deleted());
            return new Encoded(schemaKey(v.subject(), v.version()), bytes(value));
        }
        if (record instanceof VersionErased erased) {
            return new Encoded(schemaKey(erased.subject(), erased.version()), null);
        }
        if (record instanceof SubjectSoftDeleted deleted) {
            ObjectNode key = json.createObjectNode()
                    .put("keytype", DELETE_SUBJECT)
                    .put("subject", deleted.subject())
                    .put("magic", OTHER_KEY_MAGIC);
            ObjectNode value = json.createObjectNode()
                    .put("subject", deleted.subject())
                    .put("version", deleted.upToVersion());
            return new Encoded(bytes(key), bytes(value));
        }
        if (record instanceof CompatibilitySet set) {
            return new Encoded(configKey(set.subject()),
                    bytes(json.createObjectNode().put("compatibilityLevel", set.level().name())));
        }
        CompatibilityCleared cleared = (CompatibilityCleared) record;
        return new Encoded(configKey(cleared.subject()), null);
    }

    /** Decodes one topic record; empty for key types this registry does not track. */
    Optional<RegistryRecord> decode(byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = tree(keyBytes);
        JsonNode value = valueBytes == null ? null : tree(valueBytes);
        String subject = text(key, "subject");
        switch (key.path("keytype").asText()) {
            case SCHEMA:
                if (value == null) {
                    return Optional.of(new VersionErased(subject, key.path("version").asInt()));
                }
                String schemaType = text(value, "schemaType");
                if (schemaType != null && !SchemaDefinition.AVRO.equals(schemaType)) {
                    return Optional.empty();
                }
                return Optional.of(new VersionWritten(new StoredVersion(
                        value.path("subject").asText(subject),
                        value.path("version").asInt(),
                        value.path("id").asInt(),
                        value.path("schema").asText(),
                        value.path("deleted").asBoolean(false))));
            case CONFIG:
                Optional<CompatibilityLevel> level = value == null
                        ? Optional.empty()
                        : CompatibilityLevel.named(text(value, "compatibilityLevel"));
                return Optional.of(level.<RegistryRecord>map(l -> new CompatibilitySet(subject, l))
                        .orElseGet(() -> new CompatibilityCleared(subject)));
            case DELETE_SUBJECT:
                if (value == null) {
                    return Optional.empty();
                }
                return Optional.of(new SubjectSoftDeleted(subject, value.path("version").asInt()));
            default:
                return Optional.empty();
        }
    }

    private byte[] schemaKey(String subject, int version) {
        return bytes(json.createObjectNode()
                .put("keytype", SCHEMA)
                .put("subject", subject)
                .put("version", version)
                .put("magic", SCHEMA_KEY_MAGIC));
    }

    private byte[] configKey(String subjectOrNull) {
        ObjectNode key = json.createObjectNode().put("keytype", CONFIG);
        if (subjectOrNull == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subjectOrNull);
        }
        return bytes(key.put("magic", OTHER_KEY_MAGIC));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON record of the schemas topic", e);
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
