package dev.referrals.schemas.compat;

import dev.referrals.schemas.Topic;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.registry.AvroCompatibilityChecker;
import dev.referrals.schemas.registry.CompatibilityLevel;
import dev.referrals.schemas.registry.PreviousVersion;
import dev.referrals.schemas.registry.SchemaIncompatibility;
import dev.referrals.schemas.registry.VersionConflict;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/**
 * The build's compatibility gate: every current schema must read data written with every earlier version kept in
 * the repository (Confluent's BACKWARD_TRANSITIVE), so that a consumer upgraded first never breaks on old records.
 *
 * <p>Earlier versions live in {@code src/compat/<subject>/v<N>.avsc}. The build runs {@link #main} after compiling,
 * and fails with one line per incompatible field.
 */
public final class CompatibilityGate {

    /** Consumers upgrade first, and a topic may hold records written with any archived version. */
    private static final CompatibilityLevel LEVEL = CompatibilityLevel.BACKWARD_TRANSITIVE;
    /** Shown when the incompatibility concerns the record itself, not one of its fields. */
    private static final String WHOLE_RECORD = "<record>";
    private static final Pattern VERSION_FILE = Pattern.compile("v(\\d+)\\.avsc");

    private CompatibilityGate() {
    }

    /** Runs the gate over the topic catalogue. Argument: the directory of archived versions. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompatibilityGate <directory of archived versions>");
        }
        Map<String, Schema> current = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            current.put(topic.valueSubject(), topic.valueSchema());
        }
        enforce(Path.of(args[0]), current, System.out);
    }

    /**
     * Prints the gate's notes and throws, with one line per incompatible field, when any schema fails.
     *
     * @throws IllegalStateException when a schema cannot read an archived version
     */
    public static void enforce(Path archive, Map<String, Schema> current, PrintStream out) {
        GateReport report = check(archive, current);
        report.notes().forEach(note -> out.println("[compat] " + note));
        if (!report.violations().isEmpty()) {
            throw new IllegalStateException(report.failureMessage());
        }
        out.printf("[compat] %d subject(s) are %s compatible with every archived version%n", current.size(),
                LEVEL.name());
    }

    /**
     * Checks each current schema against every archived version of its subject.
     *
     * @param archive the directory holding {@code <subject>/v<N>.avsc}
     * @param current the current schema of each subject
     */
    public static GateReport check(Path archive, Map<String, Schema> current) {
        List<CompatibilityViolation> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        current.forEach((subject, schema) -> {
            List<PreviousVersion> versions = archivedVersions(archive.resolve(subject));
            if (versions.isEmpty()) {
                violations.add(new CompatibilityViolation(subject, 0, WHOLE_RECORD, "/", "NOT_ARCHIVED",
                        "no archived version; copy the schema to " + archive.resolve(subject).resolve("v1.avsc")));
                return;
            }
            for (VersionConflict conflict : AvroCompatibilityChecker.everyConflict(LEVEL, schema, versions)) {
                conflict.incompatibilities().forEach(incompatibility -> violations.add(
                        violation(subject, conflict.previous().version(), incompatibility)));
            }
            PreviousVersion latest = versions.get(versions.size() - 1);
            if (!JavaStringProperty.strip(latest.schema()).equals(JavaStringProperty.strip(schema))) {
                notes.add("%s differs from its latest archived version v%d; archive it as v%d when it is released"
                        .formatted(subject, latest.version(), latest.version() + 1));
            }
        });
        return new GateReport(violations, notes);
    }

    /** Names the deepest field the location reaches, even past where it leaves the schema: a place to start. */
    private static CompatibilityViolation violation(String subject, int version, SchemaIncompatibility found) {
        return new CompatibilityViolation(subject, version, found.field().dotted().orElse(WHOLE_RECORD),
                found.location(), found.type().name(), found.detail());
    }

    private static List<PreviousVersion> archivedVersions(Path subjectDirectory) {
        if (!Files.isDirectory(subjectDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(subjectDirectory)) {
            return files.map(CompatibilityGate::readArchived)
                    .filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparingInt(PreviousVersion::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + subjectDirectory, e);
        }
    }

    private static PreviousVersion readArchived(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return PreviousVersion.of(Integer.parseInt(matcher.group(1)), new Schema.Parser().parse(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archived schema " + file, e);
        }
    }

    /** What the gate found: violations fail the build, notes are printed. */
    public record GateReport(List<CompatibilityViolation> violations, List<String> notes) {

        public String failureMessage() {
            StringBuilder message = new StringBuilder(
                    "Schema change is not " + LEVEL.name() + " compatible (" + violations.size() + " problem(s)):");
            violations.forEach(violation -> message.append(System.lineSeparator()).append("  ")
                    .append(violation.describe()));
            return message.toString();
        }
    }
}
