package dev.referrals.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.referrals.schemas.registry.SchemaText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * The frames Confluent's official serializer made ({@code interop/confluent-golden-vectors.json}), and the
 * conversions between their JSON {@code value} and Avro data that the interop tests need.
 */
final class GoldenVectors {

    static final String RESOURCE = "/interop/confluent-golden-vectors.json";
    static final String SUBJECT = "samples-value";

    /**
     * Where a frame of the file does not hold the value its producer was given: the producer's bug, not ours.
     *
     * <p>Vector 2 was given amount -9007199254740000. The JS serializer computes the zigzag encoding in doubles:
     * {@code -2n - 1} is 18014398509479999, which a double cannot hold, so it rounded to 18014398509480000, the
     * zigzag encoding of +9007199254740000. Any correct Avro reader (Confluent's Java deserializer included) decodes
     * the frame as +9007199254740000; {@code decodedByConfluentJs} agrees. The test
     * {@code confluentJsLostTheSignOfAHugeNegativeLong} pins this down.
     */
    record ProducerDeviation(int vectorIndex, String field, long valueGiven, long valueFramed) {
    }

    static final ProducerDeviation JS_ZIGZAG_ROUNDING =
            new ProducerDeviation(2, "amount", -9_007_199_254_740_000L, 9_007_199_254_740_000L);

    private static final List<ProducerDeviation> DEVIATIONS = List.of(JS_ZIGZAG_ROUNDING);

    /** One frame with the value it encodes. */
    record Vector(int index, String topic, String subject, int schemaId, int writerVersion, JsonNode value,
            String hex) {

        byte[] frame() {
            return HexFormat.of().parseHex(hex);
        }

        /** The value the frame really holds: {@link #value} with the producer's known deviations applied. */
        JsonNode framedValue() {
            ObjectNode framed = value.deepCopy();
            for (ProducerDeviation deviation : DEVIATIONS) {
                if (deviation.vectorIndex() == index) {
                    assertThat(framed.path(deviation.field()).longValue()).as("the deviation's given value")
                            .isEqualTo(deviation.valueGiven());
                    framed.put(deviation.field(), deviation.valueFramed());
                }
            }
            return framed;
        }

        @Override
        public String toString() {
            return "vector " + index + " (schema id " + schemaId + ")";
        }
    }

    private static final JsonNode ROOT = load();

    private GoldenVectors() {
    }

    static List<Vector> vectors() {
        List<Vector> vectors = new ArrayList<>();
        int index = 0;
        for (JsonNode node : ROOT.path("vectors")) {
            vectors.add(new Vector(index++, node.path("topic").asText(), node.path("subject").asText(),
                    node.path("schemaId").asInt(), node.path("writerSchemaVersion").asInt(), node.path("value"),
                    node.path("hex").asText()));
        }
        return vectors;
    }

    /** The schema of a version of samples-value, parsed from the file. */
    static Schema schemaOfVersion(int version) {
        for (JsonNode node : ROOT.path("subjects").path(SUBJECT)) {
            if (node.path("version").asInt() == version) {
                return SchemaText.parse(node.path("schema").toString());
            }
        }
        throw new IllegalArgumentException("No version " + version + " of " + SUBJECT);
    }

    /** The id the file says the version was registered with. */
    static int idOfVersion(int version) {
        for (JsonNode node : ROOT.path("subjects").path(SUBJECT)) {
            if (node.path("version").asInt() == version) {
                return node.path("id").asInt();
            }
        }
        throw new IllegalArgumentException("No version " + version + " of " + SUBJECT);
    }

    /** A generic record of the schema holding the JSON value, as a producer would build it. */
    static GenericRecord toRecord(Schema schema, JsonNode value) {
        return (GenericRecord) toDatum(schema, value);
    }

    /** Asserts that every field of the decoded record equals the JSON value, with no field left unchecked. */
    static void assertRecordMatches(GenericRecord record, JsonNode value) {
        assertDatumMatches(record.getSchema(), record, value, record.getSchema().getName());
    }

    private static Object toDatum(Schema schema, JsonNode value) {
        return switch (schema.getType()) {
            case NULL -> null;
            case STRING -> value.textValue();
            case INT -> value.intValue();
            case LONG -> value.longValue();
            case DOUBLE -> value.doubleValue();
            case FLOAT -> value.floatValue();
            case BOOLEAN -> value.booleanValue();
            case ENUM -> new GenericData.EnumSymbol(schema, value.textValue());
            case BYTES -> ByteBuffer.wrap(HexFormat.of().parseHex(value.textValue()));
            case UNION -> value.isNull() ? null : toDatum(nonNullBranch(schema), value);
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                value.forEach(item -> items.add(toDatum(schema.getElementType(), item)));
                yield new GenericData.Array<>(schema, items);
            }
            case MAP -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                value.fields().forEachRemaining(entry -> entries.put(entry.getKey(),
                        toDatum(schema.getValueType(), entry.getValue())));
                yield entries;
            }
            case RECORD -> {
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), toDatum(field.schema(), value.get(field.name())));
                }
                yield record;
            }
            default -> throw new IllegalArgumentException("Not used by the golden vectors: " + schema.getType());
        };
    }

    private static void assertDatumMatches(Schema schema, Object datum, JsonNode value, String path) {
        switch (schema.getType()) {
            case NULL -> assertThat(datum).as(path).isNull();
            case STRING, ENUM -> assertThat(datum).as(path).isNotNull().hasToString(value.textValue());
            case INT -> assertThat(datum).as(path).isEqualTo(value.intValue());
            case LONG -> {
                assertThat(value.canConvertToLong()).as(path + " is a whole number in the file").isTrue();
                assertThat(datum).as(path).isEqualTo(value.longValue());
            }
            case DOUBLE -> assertThat(datum).as(path).isEqualTo(value.doubleValue());
            case FLOAT -> assertThat(datum).as(path).isEqualTo(value.floatValue());
            case BOOLEAN -> assertThat(datum).as(path).isEqualTo(value.booleanValue());
            case BYTES -> {
                ByteBuffer bytes = ((ByteBuffer) datum).duplicate();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                assertThat(HexFormat.of().formatHex(copy)).as(path).isEqualTo(value.textValue());
            }
            case UNION -> {
                if (value.isNull()) {
                    assertThat(datum).as(path).isNull();
                } else {
                    assertDatumMatches(nonNullBranch(schema), datum, value, path);
                }
            }
            case ARRAY -> {
                List<?> items = (List<?>) datum;
                assertThat(items).as(path).hasSize(value.size());
                for (int i = 0; i < items.size(); i++) {
                    assertDatumMatches(schema.getElementType(), items.get(i), value.get(i), path + "[" + i + "]");
                }
            }
            case MAP -> {
                Map<String, Object> byKey = new LinkedHashMap<>();
                ((Map<?, ?>) datum).forEach((key, item) -> byKey.put(key.toString(), item));
                List<String> expectedKeys = new ArrayList<>();
                value.fieldNames().forEachRemaining(expectedKeys::add);
                assertThat(byKey.keySet()).as(path + " keys").containsExactlyInAnyOrderElementsOf(expectedKeys);
                for (String key : expectedKeys) {
                    assertDatumMatches(schema.getValueType(), byKey.get(key), value.get(key), path + "[" + key + "]");
                }
            }
            case RECORD -> {
                GenericRecord record = (GenericRecord) datum;
                List<String> jsonFields = new ArrayList<>();
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    jsonFields.add(names.next());
                }
                assertThat(schema.getFields()).as(path + " fields").extracting(Schema.Field::name)
                        .containsExactlyInAnyOrderElementsOf(jsonFields);
                for (Schema.Field field : schema.getFields()) {
                    assertDatumMatches(field.schema(), record.get(field.name()), value.get(field.name()),
                            path + "." + field.name());
                }
            }
            default -> throw new IllegalArgumentException("Not used by the golden vectors: " + schema.getType());
        }
    }

    private static Schema nonNullBranch(Schema union) {
        return union.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL).findFirst()
                .orElseThrow();
    }

    private static JsonNode load() {
        try (InputStream in = GoldenVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
