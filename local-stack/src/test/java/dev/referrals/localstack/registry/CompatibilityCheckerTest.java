package dev.referrals.localstack.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.referrals.localstack.registry.TestSchemas.USER_V1;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITHOUT_NAME;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_NUMERIC_NAME;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_OPTIONAL_EMAIL;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_REQUIRED_AGE;
import static dev.referrals.localstack.registry.TestSchemas.parsed;
import static org.assertj.core.api.Assertions.assertThat;

class CompatibilityCheckerTest {

    private final CompatibilityChecker checker = new CompatibilityChecker();

    @ParameterizedTest(name = "{0}: {1} after User v1 is compatible = {2}")
    @CsvSource({
            "NONE,     USER_WITH_NUMERIC_NAME,   true",
            "BACKWARD, USER_WITH_OPTIONAL_EMAIL, true",
            "BACKWARD, USER_WITHOUT_NAME,        true",
            "BACKWARD, USER_WITH_REQUIRED_AGE,   false",
            "BACKWARD, USER_WITH_NUMERIC_NAME,   false",
            "FORWARD,  USER_WITH_OPTIONAL_EMAIL, true",
            "FORWARD,  USER_WITH_REQUIRED_AGE,   true",
            "FORWARD,  USER_WITHOUT_NAME,        false",
            "FULL,     USER_WITH_OPTIONAL_EMAIL, true",
            "FULL,     USER_WITH_REQUIRED_AGE,   false",
            "FULL,     USER_WITHOUT_NAME,        false",
    })
    void eachLevelChecksItsDirection(CompatibilityLevel level, String candidate, boolean compatible) {
        CompatibilityChecker.Report report = checker.check(parsed(schema(candidate)).avro(),
                List.of(version(1, USER_V1)), level);

        assertThat(report.compatible()).isEqualTo(compatible);
    }

    @Test
    void onlyTransitiveLevelsCheckVersionsBeforeTheLatest() {
        // A reader that requires 'email' can read v2's data, which has it, but not v1's, which does not.
        String requiresEmail = """
                {"type": "record", "name": "User", "namespace": "dev.referrals.test",
                 "fields": [{"name": "name", "type": "string"}, {"name": "email", "type": "string"}]}""";
        List<StoredVersion> history = List.of(version(1, USER_V1), version(2, USER_WITH_OPTIONAL_EMAIL));

        CompatibilityChecker.Report latestOnly = checker.check(parsed(requiresEmail).avro(), history,
                CompatibilityLevel.BACKWARD);
        CompatibilityChecker.Report transitive = checker.check(parsed(requiresEmail).avro(), history,
                CompatibilityLevel.BACKWARD_TRANSITIVE);

        assertThat(latestOnly.compatible()).isTrue();
        assertThat(transitive.compatible()).isFalse();
        assertThat(transitive.messages()).contains("{oldSchemaVersion: 1}");
    }

    @Test
    void messagesFollowConfluentsLayoutAndNameTheField() {
        CompatibilityChecker.Report report = checker.check(parsed(USER_WITH_REQUIRED_AGE).avro(),
                List.of(version(1, USER_V1)), CompatibilityLevel.BACKWARD);

        assertThat(report.messages()).containsExactly(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'age' at path '/fields/1'"
                        + " in the new schema has no default value and is missing in the old schema',"
                        + " additionalInfo:'age'}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + parsed(USER_V1).canonical() + "'}",
                "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void aTypeChangeNamesTheFieldWhoseTypeChanged() {
        CompatibilityChecker.Report report = checker.check(parsed(USER_WITH_NUMERIC_NAME).avro(),
                List.of(version(1, USER_V1)), CompatibilityLevel.BACKWARD);

        assertThat(report.messages().get(0))
                .startsWith("{errorType:'TYPE_MISMATCH'")
                .contains("field 'name'");
    }

    @Test
    void forwardMessagesCallTheOldSchemaTheReader() {
        CompatibilityChecker.Report report = checker.check(parsed(USER_WITHOUT_NAME).avro(),
                List.of(version(1, USER_V1)), CompatibilityLevel.FORWARD);

        assertThat(report.messages().get(0)).contains(
                "The field 'name' at path '/fields/0' in the old schema has no default value and is missing in the"
                        + " new schema");
    }

    private static String schema(String constant) {
        return switch (constant) {
            case "USER_WITH_OPTIONAL_EMAIL" -> USER_WITH_OPTIONAL_EMAIL;
            case "USER_WITH_REQUIRED_AGE" -> USER_WITH_REQUIRED_AGE;
            case "USER_WITHOUT_NAME" -> USER_WITHOUT_NAME;
            case "USER_WITH_NUMERIC_NAME" -> USER_WITH_NUMERIC_NAME;
            default -> throw new IllegalArgumentException(constant);
        };
    }

    private static StoredVersion version(int number, String schema) {
        return new StoredVersion("users-value", number, number, parsed(schema).canonical(), false);
    }
}
