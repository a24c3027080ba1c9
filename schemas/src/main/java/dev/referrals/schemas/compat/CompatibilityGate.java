package dev.referrals.schemas.compat;

import dev.referrals.schemas.Topic;
import dev.referrals.schemas.Topics;
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
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * The build's compatibility gate: every current schema must read data written with every earlier version kept in
 * the repository (Confluent's BACKWARD_TRANSITIVE), so that a consumer upgraded first never breaks on old records.
 *
 * <p>Earlier versions live in {@code src/compat/<subject>/v<N>.avsc}. The build runs {@link #main} after compiling,
 * and fails with one line per incompatible field.
 */
public final class CompatibilityGate {

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
        out.printf("[compat] %d subject(s) are BACKWARD_TRANSITIVE compatible with every archived version%n",
                current.size());
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
            List<ArchivedVersion> versions = archivedVersions(archive.resolve(subject));
            if (versions.isEmpty()) {
                violations.add(new CompatibilityViolation(subject, 0, FieldLocator.WHOLE_RECORD, "/", "NOT_ARCHIVED",
                        "no archived version; copy the schema to " + archive.resolve(subject).resolve("v1.avsc")));
                return;
            }
            for (ArchivedVersion archived : versions) {
                violations.addAll(violationsAgainst(subject, schema, archived));
            }
            ArchivedVersion latest = versions.get(versions.size() - 1);
            if (!JavaStringProperty.strip(latest.schema()).equals(JavaStringProperty.strip(schema))) {
                notes.add("%s differs from its latest archived version v%d; archive it as v%d when it is released"
                        .formatted(subject, latest.version(), latest.version() + 1));
            }
        });
        return new GateReport(violations, notes);
    }

    private static List<CompatibilityViolation> violationsAgainst(
            String subject, Schema reader, ArchivedVersion archived) {
        List<Incompatibility> incompatibilities = SchemaCompatibility
                .checkReaderWriterCompatibility(reader, archived.schema())
                .getResult()
                .getIncompatibilities();
        return incompatibilities.stream()
                .map(incompatibility -> new CompatibilityViolation(
                        subject,
                        archived.version(),
                        FieldLocator.fieldPath(reader, incompatibility.getLocation()),
                        incompatibility.getLocation(),
                        incompatibility.getType().name(),
                        incompatibility.getMessage()))
                .toList();
    }

    private static List<ArchivedVersion> archivedVersions(Path subjectDirectory) {
        if (!Files.isDirectory(subjectDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(subjectDirectory)) {
            return files.map(CompatibilityGate::readArchived)
                    .filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparingInt(ArchivedVersion::version))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + subjectDirectory, e);
        }
    }

    private static ArchivedVersion readArchived(Path file) {
        Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return null;
        }
        try {
            return new ArchivedVersion(Integer.parseInt(matcher.group(1)), new Schema.Parser().parse(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archived schema " + file, e);
        }
    }

    private record ArchivedVersion(int version, Schema schema) {
    }

    /** What the gate found: violations fail the build, notes are printed. */
    public record GateReport(List<CompatibilityViolation> violations, List<String> notes) {

        public String failureMessage() {
            StringBuilder message = new StringBuilder(
                    "Schema change is not BACKWARD_TRANSITIVE compatible (" + violations.size() + " problem(s)):");
            violations.forEach(violation -> message.append(System.lineSeparator()).append("  ")
                    .append(violation.describe()));
            return message.toString();
        }
    }
}
