package dev.referrals.localstack.registry;

import dev.referrals.schemas.registry.SchemaText;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * An Avro schema as a client sent it, parsed. Its identity is {@link #canonical()}, {@link SchemaText#canonical}
 * as the client and the in-memory registry of {@code schemas} compute it (what Confluent calls the canonical
 * string): whitespace and key order do not matter, while names, defaults, docs and logical types do. Equal
 * canonical forms share one id across all subjects.
 */
record SchemaDefinition(Schema avro, String canonical) {

    static final String AVRO = "AVRO";

    static SchemaDefinition parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("Invalid schema: the request has no 'schema' or it is empty");
        }
        try {
            Schema avro = new Schema.Parser().setValidateDefaults(true).parse(text);
            return new SchemaDefinition(avro, SchemaText.canonical(avro));
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            throw RegistryException.invalidSchema("Invalid schema " + text + ", details: " + e.getMessage());
        } catch (NullPointerException e) {
            // Avro 1.12 fails this way when the top-level type is a name it does not know, such as "recrod".
            throw RegistryException.invalidSchema("Invalid schema " + text
                    + ", details: it names a type that is neither an Avro type nor defined in the schema");
        }
    }

    static SchemaDefinition parse(String text, String schemaType, int referenceCount) {
        if (schemaType != null && !schemaType.isEmpty() && !AVRO.equals(schemaType)) {
            throw RegistryException.invalidSchema("Invalid schema type " + schemaType
                    + ": this registry supports only AVRO (leave schemaType out or set it to AVRO)");
        }
        if (referenceCount > 0) {
            throw RegistryException.invalidSchema("Schema references are not supported by this registry;"
                    + " inline the referenced named types into the schema");
        }
        return parse(text);
    }
}
