package dev.referrals.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Applies a compatibility level with Avro's own resolution rules ({@link SchemaCompatibility}), as Confluent's
 * registry does, and words the reasons the way its verbose answers do.
 */
final class AvroCompatibilityChecker {

    /** One earlier version to check against. */
    record PreviousVersion(int version, Schema schema) {
    }

    private AvroCompatibilityChecker() {
    }

    /**
     * The reasons the candidate breaks the level against the earlier versions, or none if it keeps it.
     *
     * @param previous earlier versions, oldest first; non-transitive levels look at the newest one only
     */
    static List<String> violations(CompatibilityLevel level, Schema candidate, List<PreviousVersion> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<PreviousVersion> checked = level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
        List<String> messages = new ArrayList<>();
        for (PreviousVersion old : checked) {
            List<String> found = new ArrayList<>();
            if (level.newReadsOld()) {
                found.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema())));
            }
            if (level.oldReadsNew()) {
                found.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate)));
            }
            if (!found.isEmpty()) {
                messages.addAll(found);
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
            }
        }
        if (!messages.isEmpty()) {
            messages.add("{compatibility: '" + level.name() + "'}");
        }
        return messages;
    }

    private static List<String> describe(SchemaCompatibility.SchemaPairCompatibility result) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'" + incompatibility.getMessage()
                    + " at path '" + incompatibility.getLocation() + "'', additionalInfo:'"
                    + incompatibility.getMessage() + "'}");
        }
        return messages;
    }
}
