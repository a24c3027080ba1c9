package dev.referrals.schemas.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/** The full name of a named schema, for the strategies that name subjects after records. */
final class NamedSchemas {

    private NamedSchemas() {
    }

    static String fullName(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> schema.getFullName();
            default -> throw new SerializationException("A record-name subject strategy needs a named schema "
                    + "(record, enum or fixed), not " + schema.getType());
        };
    }
}
