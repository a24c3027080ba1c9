package dev.referrals.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.referrals.benchmarks.report.MarkdownReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness cannot rot: the smoke preset runs every stage against the real local stack and the three
 * services as processes, and writes both reports. Speed is never asserted here; only that the reports are complete.
 */
class BenchmarkSmokeIT {

    /** The module's directory: failsafe runs in it, and its target/ holds the service jars and the class path. */
    private static final Path MODULE_DIR = Path.of(".");

    @TempDir
    Path reports;

    @Test
    void theSmokeRunWritesBothReportsWithEverySectionAndANumberForEveryFigure() throws IOException {
        Path markdown = new BenchmarkRun(BenchmarkSettings.smoke(), MODULE_DIR, reports, new Progress(System.out))
                .run();

        Path json = markdown.resolveSibling(markdown.getFileName().toString().replace(".md", ".json"));
        assertThat(json).exists();
        assertThat(reports.resolve("latest.md")).hasSameTextualContentAs(markdown);
        assertThat(reports.resolve("latest.json")).hasSameTextualContentAs(json);

        String text = Files.readString(markdown);
        for (String section : MarkdownReport.SECTIONS) {
            assertThat(text).as("section " + section).contains("\n## " + section + "\n");
        }
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/machine/cores").asInt()).isPositive();
        for (String version : new String[] {"project", "kafka", "springBoot", "postgres", "java"}) {
            assertThat(report.at("/versions/" + version).asText()).as(version).isNotBlank().doesNotContain("unknown");
        }
        JsonNode figures = report.get("figures");
        assertThat(figures.size()).isGreaterThan(0);
        for (JsonNode figure : figures) {
            String id = figure.get("id").asText();
            assertThat(figure.get("value").isNumber()).as("a number for " + id).isTrue();
            assertThat(Double.isFinite(figure.get("value").asDouble())).as("a finite number for " + id).isTrue();
            assertThat(text).as("the Markdown report shows " + id).contains("`" + id + "`");
        }
        assertThat(report.get("ratios").size()).isGreaterThan(0);
        assertThat(report.get("goals").size()).isEqualTo(7);
        assertThat(report.get("bottlenecks").size()).isEqualTo(report.get("profiles").size()).isPositive();
    }
}
