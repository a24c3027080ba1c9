package dev.referrals.schemas.registry;

import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * One reason why a reader schema cannot resolve data written with a writer schema, as Avro's
 * {@link org.apache.avro.SchemaCompatibility} finds it, with the field it concerns.
 *
 * @param direction whether the new schema or the earlier one was the reader
 * @param avro      Avro's finding: its type, message and JSON-pointer location
 * @param field     the fields {@code avro}'s location passes through in the reader schema
 */
public record SchemaIncompatibility(ReadDirection direction, Incompatibility avro, FieldPath field) {

    public SchemaIncompatibilityType type() {
        return avro.getType();
    }

    /** Avro's message: the missing field's name, the missing enum symbols, or the two types that differ. */
    public String detail() {
        return avro.getMessage();
    }

    /** Avro's JSON pointer into the reader schema, for example {@code /fields/1/type}. */
    public String location() {
        return avro.getLocation();
    }
}
