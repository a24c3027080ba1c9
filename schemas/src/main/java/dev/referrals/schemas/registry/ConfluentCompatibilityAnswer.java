package dev.referrals.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A compatibility check answered as Confluent's registry answers it: the newest earlier version the candidate breaks
 * with, in Confluent's verbose layout ({@code {errorType:..., description:..., additionalInfo:...}}, then the old
 * version, the old schema and the level). Each description also names the field, so a reader sees which field
 * broke the rule without decoding Avro's path.
 */
public final class ConfluentCompatibilityAnswer {

    private static final String NEW = "new";
    private static final String OLD = "old";

    private ConfluentCompatibilityAnswer() {
    }

    /**
     * Checks {@code candidate} against {@code previous} under {@code level}.
     *
     * @param previous earlier versions, oldest first; non-transitive levels look at the newest one only
     */
    public static CompatibilityResult check(CompatibilityLevel level, Schema candidate,
            List<PreviousVersion> previous) {
        return AvroCompatibilityChecker.newestConflict(level, candidate, previous)
                .map(conflict -> CompatibilityResult.incompatible(messages(conflict, level)))
                .orElseGet(CompatibilityResult::compatible);
    }

    private static List<String> messages(VersionConflict conflict, CompatibilityLevel level) {
        List<String> messages = new ArrayList<>();
        conflict.incompatibilities().forEach(incompatibility -> messages.add(describe(incompatibility)));
        messages.add("{oldSchemaVersion: " + conflict.previous().version() + "}");
        messages.add("{oldSchema: '" + conflict.previous().text() + "'}");
        messages.add("{validateFields: 'false', compatibility: '" + level.name() + "'}");
        return messages;
    }

    private static String describe(SchemaIncompatibility incompatibility) {
        boolean newReads = incompatibility.direction() == ReadDirection.NEW_READS_OLD;
        String readerRole = newReads ? NEW : OLD;
        String writerRole = newReads ? OLD : NEW;
        String location = incompatibility.location();
        String detail = incompatibility.detail();
        String field = namedField(incompatibility.field());
        String description = switch (incompatibility.type()) {
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
        return "{errorType:'" + incompatibility.type() + "', description:'" + description
                + "', additionalInfo:'" + detail + "'}";
    }

    /**
     * " (field 'a.b')", or nothing. A location that leaves the reader schema names no field here: the fields reached
     * before it may not be the one at fault, and the description quotes Avro's path anyway.
     */
    private static String namedField(FieldPath path) {
        return path.dotted()
                .filter(dotted -> path.withinSchema())
                .map(dotted -> " (field '" + dotted + "')")
                .orElse("");
    }
}
