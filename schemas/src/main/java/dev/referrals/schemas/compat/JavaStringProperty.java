package dev.referrals.schemas.compat;

import org.apache.avro.Schema;

/**
 * Generated classes carry {@code "avro.java.string": "String"} on every string type (the build's stringType
 * setting). It only steers Java code generation, so a schema and its archived copy are the same contract with or
 * without it.
 */
final class JavaStringProperty {

    private static final String PROPERTY = "\"avro.java.string\":\"String\"";

    private JavaStringProperty() {
    }

    static Schema strip(Schema schema) {
        String json = schema.toString().replace("," + PROPERTY, "").replace(PROPERTY + ",", "");
        return new Schema.Parser().parse(json);
    }
}
