package dev.referrals.schemas.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * Applies a compatibility level with Avro's own resolution rules ({@link SchemaCompatibility}), as Confluent's
 * registry does: the levels say which earlier versions to check and in which direction, Avro says what breaks.
 * The one place that decides compatibility for the in-memory registry, the local registry server and the build's
 * gate; each words the conflicts its own way.
 */
public final class AvroCompatibilityChecker {

    private AvroCompatibilityChecker() {
    }

    /**
     * The newest earlier version the candidate breaks with, walking from the newest version back as Confluent's
     * registry does, so older versions are not parsed once one conflict is found.
     *
     * @param previous earlier versions, oldest first; non-transitive levels look at the newest one only
     */
    public static Optional<VersionConflict> newestConflict(CompatibilityLevel level, Schema candidate,
            List<PreviousVersion> previous) {
        List<PreviousVersion> newestFirst = new ArrayList<>(checkedVersions(level, previous));
        Collections.reverse(newestFirst);
        for (PreviousVersion old : newestFirst) {
            Optional<VersionConflict> conflict = conflictWith(level, candidate, old);
            if (conflict.isPresent()) {
                return conflict;
            }
        }
        return Optional.empty();
    }

    /**
     * Every earlier version the candidate breaks with, oldest first, for callers that report all of them at once.
     *
     * @param previous earlier versions, oldest first; non-transitive levels look at the newest one only
     */
    public static List<VersionConflict> everyConflict(CompatibilityLevel level, Schema candidate,
            List<PreviousVersion> previous) {
        return checkedVersions(level, previous).stream()
                .map(old -> conflictWith(level, candidate, old))
                .flatMap(Optional::stream)
                .toList();
    }

    private static List<PreviousVersion> checkedVersions(CompatibilityLevel level, List<PreviousVersion> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        return level.transitive() ? previous : List.of(previous.get(previous.size() - 1));
    }

    private static Optional<VersionConflict> conflictWith(CompatibilityLevel level, Schema candidate,
            PreviousVersion old) {
        List<SchemaIncompatibility> found = new ArrayList<>();
        if (level.newReadsOld()) {
            found.addAll(incompatibilities(ReadDirection.NEW_READS_OLD, candidate, old.schema()));
        }
        if (level.oldReadsNew()) {
            found.addAll(incompatibilities(ReadDirection.OLD_READS_NEW, old.schema(), candidate));
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new VersionConflict(old, found));
    }

    private static List<SchemaIncompatibility> incompatibilities(ReadDirection direction, Schema reader,
            Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
                .stream()
                .map(found -> new SchemaIncompatibility(direction, found, FieldPath.of(reader, found.getLocation())))
                .toList();
    }
}
