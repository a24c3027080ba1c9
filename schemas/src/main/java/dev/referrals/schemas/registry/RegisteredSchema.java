package dev.referrals.schemas.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject, as the registry answers for lookups and version reads.
 *
 * @param subject the subject, for example {@code referrals.referral-requested-value}
 * @param version the version within the subject, from 1
 * @param id      the global schema id written into every Confluent frame
 * @param schema  the parsed Avro schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
