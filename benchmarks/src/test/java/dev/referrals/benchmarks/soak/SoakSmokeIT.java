package dev.referrals.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.referrals.benchmarks.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke soak: a few thousand declines through two instances of each service on a three-broker cluster, with one
 * of each fault while they run (a kill -9 of each service, a broker restart, SMTP and the registry down, a PostgreSQL
 * restart) and over a hundred poison records. Nothing may be lost, conflicting or repeated beyond its bound, and the
 * dead-letter topics hold the poison records and nothing else.
 */
class SoakSmokeIT {

    /** The module's directory: failsafe runs in it, and its target/ holds the service jars. */
    private static final Path MODULE_DIR = Path.of(".");

    @TempDir
    Path reports;

    @Test
    void underOneOfEachFaultNoRequestDecisionOrEmailIsLostAndOnlyThePoisonRecordsAreDeadLettered()
            throws IOException {
        SoakRun.Result result = new SoakRun(SoakSettings.smoke(), MODULE_DIR, reports, new Progress(System.out)).run();

        String markdown = Files.readString(result.markdown());
        JsonNode report = new ObjectMapper().readTree(result.json().toFile());
        assertThat(result.passed()).as(markdown).isTrue();
        List<String> faults = new ArrayList<>();
        report.get("faults").forEach(fault -> faults.add(fault.get("kind").asText()));
        assertThat(faults).as("one of each fault").containsExactlyInAnyOrder(
                java.util.Arrays.stream(Fault.Kind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(report.at("/load/accepted").asLong()).isEqualTo(SoakSettings.smoke().requests());
        assertThat(report.at("/load/created").asLong()).isPositive();
        assertThat(report.get("deadLetters").asLong()).isGreaterThanOrEqualTo(SoakSettings.smoke().poisonRecords());
        assertThat(reports.resolve("latest.md")).hasSameTextualContentAs(result.markdown());
    }
}
