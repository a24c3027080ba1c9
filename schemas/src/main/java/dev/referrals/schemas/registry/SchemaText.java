package dev.referrals.schemas.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Converts between Avro schemas and the schema strings the registry stores. */
public final class SchemaText {

    private SchemaText() {
    }

    /**
     * Parses a schema string from the registry. Defaults are not validated: a registry may hold schemas that an
     * older Avro accepted, and their data must still be readable.
     *
     * @throws SchemaRegistryException with Confluent's 42201 when the text is not an Avro schema
     */
    public static Schema parse(String text) {
        try {
            return new Schema.Parser().setValidateDefaults(false).parse(text);
        } catch (SchemaParseException | NullPointerException invalid) {
            throw new SchemaRegistryException("Invalid schema: " + invalid.getMessage(),
                    SchemaRegistryException.HTTP_UNPROCESSABLE_ENTITY, RegistryErrorCode.INVALID_SCHEMA, invalid);
        }
    }

    /**
     * The text the registry compares schemas by: Avro's own JSON rendering of the parsed schema, as Confluent's
     * {@code AvroSchema.canonicalString()}. Whitespace and key order do not matter; docs, defaults and logical types
     * do, so schemas that differ in them get different ids, as they do in Confluent's registry.
     */
    public static String canonical(Schema schema) {
        return schema.toString();
    }
}
