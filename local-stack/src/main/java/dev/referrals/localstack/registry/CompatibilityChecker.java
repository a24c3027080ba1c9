package dev.referrals.localstack.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decides whether a new schema may follow earlier versions under a compatibility level, with Avro's own
 * {@link SchemaCompatibility}. Its messages follow Confluent's layout ({@code {errorType:..., description:...,
 * additionalInfo:...}}, then the old version, the old schema and the level), adding the field name to each
 * description so a reader sees which field broke the rule.
 */
final class CompatibilityChecker {

    /** The outcome of a check: compatible, or the messages that say why not. */
    record Report(boolean compatible, List<String> messages) {

        static final Report COMPATIBLE = new Report(true, List.of());
    }

    /**
     * Checks {@code candidate} against {@code previous} (live versions, oldest first). Like Confluent, it walks from
     * the newest version back and stops at the first one the candidate breaks with.
     */
    Report check(Schema candidate, List<StoredVersion> previous, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return Report.COMPATIBLE;
        }
        List<StoredVersion> newestFirst = new ArrayList<>(previous);
        Collections.reverse(newestFirst);
        List<StoredVersion> toCheck = level.transitive() ? newestFirst : newestFirst.subList(0, 1);
        for (StoredVersion old : toCheck) {
            Schema oldSchema = new Schema.Parser().parse(old.schema());
            List<String> differences = new ArrayList<>();
            if (level.newReadsOld()) {
                differences.addAll(differences(candidate, oldSchema, "new", "old"));
            }
            if (level.oldReadsNew()) {
                differences.addAll(differences(oldSchema, candidate, "old", "new"));
            }
            if (!differences.isEmpty()) {
                differences.add("{oldSchemaVersion: " + old.version() + "}");
                differences.add("{oldSchema: '" + old.schema() + "'}");
                differences.add("{validateFields: 'false', compatibility: '" + level.name() + "'}");
                return new Report(false, List.copyOf(differences));
            }
        }
        return Report.COMPATIBLE;
    }

    private static List<String> differences(Schema reader, Schema writer, String readerRole, String writerRole) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
                .stream()
                .map(incompatibility -> describe(incompatibility, reader, readerRole, writerRole))
                .toList();
    }

    private static String describe(Incompatibility incompatibility, Schema reader, String readerRole,
                                   String writerRole) {
        String location = incompatibility.getLocation();
        String field = FieldPath.of(reader, location).map(path -> " (field '" + path + "')").orElse("");
        String detail = incompatibility.getMessage();
        String description = switch (incompatibility.getType()) {
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + location + "')" + field;
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + location + "'" + field
                    + " in the " + readerRole + " schema does not match with the " + writerRole + " schema";
            case MISSING_ENUM_SYMBOLS -> "The " + readerRole + " schema is missing enum symbols '" + detail
                    + "' at path '" + location + "'" + field + " in the " + writerRole + " schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + detail + "' at path '" + location
                    + "' in the " + readerRole + " schema has no default value and is missing in the " + writerRole
                    + " schema";
            case TYPE_MISMATCH -> "The type (path '" + location + "')" + field + " of a field in the " + readerRole
                    + " schema does not match with the " + writerRole + " schema";
            case MISSING_UNION_BRANCH -> "The " + readerRole + " schema is missing a type inside a union field at"
                    + " path '" + location + "'" + field + " in the " + writerRole + " schema";
        };
        return "{errorType:'" + incompatibility.getType() + "', description:'" + description
                + "', additionalInfo:'" + detail + "'}";
    }
}
