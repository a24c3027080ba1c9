package dev.referrals.localstack.registry;

import dev.referrals.schemas.registry.PreviousVersion;
import org.apache.avro.Schema;

/**
 * One version of a subject, as the {@code _schemas} topic holds it. {@code schema} is Avro's canonical JSON of
 * the schema, the form Confluent stores and answers with.
 */
public record StoredVersion(String subject, int version, int id, String schema, boolean deleted) {

    StoredVersion softDeleted() {
        return new StoredVersion(subject, version, id, schema, true);
    }

    /** This version for a compatibility check, parsed only if the check looks at it. */
    PreviousVersion asPreviousVersion() {
        return PreviousVersion.parsedOnUse(version, schema, text -> new Schema.Parser().parse(text));
    }
}
