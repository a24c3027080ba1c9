package dev.referrals.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check the local registry server answers with: Confluent's walk and wording, plus the field's name. */
class ConfluentCompatibilityAnswerTest {

    private static final String NAMESPACE = "dev.referrals.test";
    private static final Schema USER_V1 = user().requiredString("name").endRecord();
    /** V1 plus a field with a default: compatible in both directions. */
    private static final Schema USER_WITH_OPTIONAL_EMAIL = user().requiredString("name")
            .name("email").type().stringType().stringDefault("").endRecord();
    /** V1 plus a field without a default: a new reader cannot read old data (not backward). */
    private static final Schema USER_WITH_REQUIRED_AGE = user().requiredString("name").requiredInt("age").endRecord();
    /** V1 without its only field: an old reader cannot read new data (not forward). */
    private static final Schema USER_WITHOUT_NAME = user().endRecord();
    /** V1 with the field's type changed: incompatible both ways. */
    private static final Schema USER_WITH_NUMERIC_NAME = user().requiredInt("name").endRecord();

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
        CompatibilityResult result = ConfluentCompatibilityAnswer.check(level, schema(candidate),
                List.of(version(1, USER_V1)));

        assertThat(result.isCompatible()).isEqualTo(compatible);
    }

    @Test
    void onlyTransitiveLevelsCheckVersionsBeforeTheLatest() {
        // A reader that requires 'email' can read v2's data, which has it, but not v1's, which does not.
        Schema requiresEmail = user().requiredString("name").requiredString("email").endRecord();
        List<PreviousVersion> history = List.of(version(1, USER_V1), version(2, USER_WITH_OPTIONAL_EMAIL));

        CompatibilityResult latestOnly = ConfluentCompatibilityAnswer.check(CompatibilityLevel.BACKWARD,
                requiresEmail, history);
        CompatibilityResult transitive = ConfluentCompatibilityAnswer.check(CompatibilityLevel.BACKWARD_TRANSITIVE,
                requiresEmail, history);

        assertThat(latestOnly.isCompatible()).isTrue();
        assertThat(transitive.isCompatible()).isFalse();
        assertThat(transitive.messages()).contains("{oldSchemaVersion: 1}");
    }

    @Test
    void theWalkStopsAtTheNewestConflictWithoutParsingOlderVersions() {
        PreviousVersion unreadable = PreviousVersion.parsedOnUse(1, "not a schema", text -> {
            throw new AssertionError("version 1 is older than the conflict and must not be parsed");
        });

        CompatibilityResult result = ConfluentCompatibilityAnswer.check(CompatibilityLevel.BACKWARD_TRANSITIVE,
                USER_WITH_REQUIRED_AGE, List.of(unreadable, version(2, USER_V1)));

        assertThat(result.isCompatible()).isFalse();
        assertThat(result.messages()).contains("{oldSchemaVersion: 2}").doesNotContain("{oldSchemaVersion: 1}");
    }

    @Test
    void messagesFollowConfluentsLayoutAndNameTheField() {
        CompatibilityResult result = ConfluentCompatibilityAnswer.check(CompatibilityLevel.BACKWARD,
                USER_WITH_REQUIRED_AGE, List.of(version(1, USER_V1)));

        assertThat(result.messages()).containsExactly(
                "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'age' at path '/fields/1'"
                        + " in the new schema has no default value and is missing in the old schema',"
                        + " additionalInfo:'age'}",
                "{oldSchemaVersion: 1}",
                "{oldSchema: '" + SchemaText.canonical(USER_V1) + "'}",
                "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void aTypeChangeNamesTheFieldWhoseTypeChanged() {
        CompatibilityResult result = ConfluentCompatibilityAnswer.check(CompatibilityLevel.BACKWARD,
                USER_WITH_NUMERIC_NAME, List.of(version(1, USER_V1)));

        assertThat(result.messages().get(0))
                .startsWith("{errorType:'TYPE_MISMATCH'")
                .contains("field 'name'");
    }

    @Test
    void forwardMessagesCallTheOldSchemaTheReader() {
        CompatibilityResult result = ConfluentCompatibilityAnswer.check(CompatibilityLevel.FORWARD,
                USER_WITHOUT_NAME, List.of(version(1, USER_V1)));

        assertThat(result.messages().get(0)).contains(
                "The field 'name' at path '/fields/0' in the old schema has no default value and is missing in the"
                        + " new schema");
    }

    private static SchemaBuilder.FieldAssembler<Schema> user() {
        return SchemaBuilder.record("User").namespace(NAMESPACE).fields();
    }

    private static Schema schema(String constant) {
        return switch (constant) {
            case "USER_WITH_OPTIONAL_EMAIL" -> USER_WITH_OPTIONAL_EMAIL;
            case "USER_WITH_REQUIRED_AGE" -> USER_WITH_REQUIRED_AGE;
            case "USER_WITHOUT_NAME" -> USER_WITHOUT_NAME;
            case "USER_WITH_NUMERIC_NAME" -> USER_WITH_NUMERIC_NAME;
            default -> throw new IllegalArgumentException(constant);
        };
    }

    /** A version as a registry holds it: the canonical text, parsed when the check reads it. */
    private static PreviousVersion version(int number, Schema schema) {
        return PreviousVersion.parsedOnUse(number, SchemaText.canonical(schema),
                text -> new Schema.Parser().parse(text));
    }
}
