package dev.referrals.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityGateTest {

    private static final String SUBJECT = "samples-value";

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CompatibilityGateTest.class.getResource("/compat-fixtures/" + name).toURI());
    }

    private static Map<String, Schema> next(String file) throws IOException, URISyntaxException {
        return Map.of(SUBJECT, new Schema.Parser().parse(fixture(file).toFile()));
    }

    @Test
    void aNewRequiredFieldAndANarrowedTypeAreRejectedNamingEachField() throws Exception {
        CompatibilityGate.GateReport report = CompatibilityGate.check(
                fixture("incompatible"), next("incompatible-next.avsc"));

        assertThat(report.violations())
                .extracting(CompatibilityViolation::field)
                .contains("channel", "point.x");
        assertThat(report.failureMessage())
                .contains("not BACKWARD_TRANSITIVE compatible")
                .contains("samples-value: the current schema cannot read v1: field 'channel'")
                .contains("field 'point.x'");
    }

    @Test
    void aChangeCompatibleWithTheLatestVersionButNotAnEarlierOneIsRejected() throws Exception {
        CompatibilityGate.GateReport report = CompatibilityGate.check(
                fixture("incompatible"), next("readded-field-next.avsc"));

        assertThat(report.violations()).hasSize(1);
        CompatibilityViolation violation = report.violations().get(0);
        assertThat(violation.version()).isEqualTo(1);
        assertThat(violation.field()).isEqualTo("legacy");
        assertThat(violation.type()).isEqualTo("TYPE_MISMATCH");
    }

    @Test
    void aNewFieldWithADefaultPassesAndIsNotedAsUnarchived() throws Exception {
        CompatibilityGate.GateReport report = CompatibilityGate.check(
                fixture("incompatible"), next("compatible-next.avsc"));

        assertThat(report.violations()).isEmpty();
        assertThat(report.notes()).singleElement().asString().contains("archive it as v3");
    }

    @Test
    void aSubjectWithoutAnArchivedVersionFailsTheGate() throws Exception {
        CompatibilityGate.GateReport report = CompatibilityGate.check(
                fixture("incompatible"), Map.of("unknown-value", Schema.create(Schema.Type.STRING)));

        assertThat(report.violations()).singleElement()
                .extracting(CompatibilityViolation::type).isEqualTo("NOT_ARCHIVED");
    }

    @Test
    void theBuildEntryPointFailsOnTheIncompatibleFixture() throws Exception {
        Path archive = fixture("incompatible");
        Map<String, Schema> current = next("incompatible-next.avsc");

        assertThatThrownBy(() -> CompatibilityGate.enforce(archive, current, System.out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("field 'channel'")
                .hasMessageContaining("field 'point.x'");
    }

    @Test
    void everyCatalogueSchemaPassesAgainstTheArchiveInTheRepository() {
        CompatibilityGate.main(new String[] {Path.of("src/compat").toAbsolutePath().toString()});
    }
}
