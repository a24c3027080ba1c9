package dev.referrals.localstack.registry;

import dev.referrals.schemas.registry.CompatibilityLevel;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.referrals.localstack.registry.TestSchemas.ORDER;
import static dev.referrals.localstack.registry.TestSchemas.USER_V1;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_NUMERIC_NAME;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_OPTIONAL_EMAIL;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_REQUIRED_AGE;
import static dev.referrals.localstack.registry.TestSchemas.parsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry's rules, on an in-memory log: what Confluent's registry answers, without HTTP or Kafka. */
class SchemaRegistryTest {

    private static final String USERS = "users-value";
    private static final String CUSTOMERS = "customers-value";

    private final InMemoryRegistryLog log = new InMemoryRegistryLog();
    private final SchemaRegistry registry = new SchemaRegistry(log, CompatibilityLevel.BACKWARD);

    // ---- ids and versions ----

    @Test
    void theFirstSchemaGetsIdOneAndVersionOne() {
        int id = registry.register(USERS, parsed(USER_V1));

        assertThat(id).isEqualTo(1);
        assertThat(registry.version(USERS, VersionRef.LATEST, false))
                .isEqualTo(new StoredVersion(USERS, 1, 1, parsed(USER_V1).canonical(), false));
    }

    @Test
    void theSameSchemaUnderAnotherSubjectGetsTheSameIdAndItsOwnVersionOne() {
        int users = registry.register(USERS, parsed(USER_V1));
        registry.register(USERS, parsed(USER_WITH_OPTIONAL_EMAIL));
        int customers = registry.register(CUSTOMERS, parsed(USER_V1));

        assertThat(customers).isEqualTo(users);
        assertThat(registry.versionNumbers(CUSTOMERS, false)).containsExactly(1);
        assertThat(registry.versionsWithId(users, false))
                .extracting(StoredVersion::subject).containsExactly(CUSTOMERS, USERS);
    }

    @Test
    void registeringALiveSchemaAgainAnswersItsIdAndWritesNothing() {
        int first = registry.register(USERS, parsed(USER_V1));
        int recordsBefore = log.records().size();

        int again = registry.register(USERS, parsed(USER_V1));

        assertThat(again).isEqualTo(first);
        assertThat(log.records()).hasSize(recordsBefore);
        assertThat(registry.versionNumbers(USERS, false)).containsExactly(1);
    }

    @Test
    void whitespaceAndKeyOrderDoNotMakeANewSchema() {
        int id = registry.register(USERS, parsed(USER_V1));
        String reordered = "{\"fields\":[{\"type\":\"string\",\"name\":\"name\"}],"
                + "  \"namespace\":\"dev.referrals.test\", \"name\":\"User\",\"type\":\"record\"}";

        assertThat(registry.register(CUSTOMERS, parsed(reordered))).isEqualTo(id);
    }

    @Test
    void aChangedDefaultIsANewSchemaWithTheNextId() {
        registry.register(USERS, parsed(USER_WITH_OPTIONAL_EMAIL));
        String otherDefault = USER_WITH_OPTIONAL_EMAIL.replace("\"default\": \"\"", "\"default\": \"none\"");

        assertThat(registry.register(USERS, parsed(otherDefault))).isEqualTo(2);
        assertThat(registry.versionNumbers(USERS, false)).containsExactly(1, 2);
    }

    @Test
    void lookupFindsTheVersionHoldingTheSchema() {
        registry.register(USERS, parsed(USER_V1));
        registry.register(USERS, parsed(USER_WITH_OPTIONAL_EMAIL));

        StoredVersion found = registry.lookup(USERS, parsed(USER_WITH_OPTIONAL_EMAIL), false);

        assertThat(found.version()).isEqualTo(2);
        assertThat(found.id()).isEqualTo(2);
    }

    @Test
    void lookupUnderAnUnknownSubjectIs40401AndOfAnUnknownSchemaIs40403() {
        registry.register(USERS, parsed(USER_V1));

        assertErrorCode(() -> registry.lookup(CUSTOMERS, parsed(USER_V1), false), 40401);
        assertErrorCode(() -> registry.lookup(USERS, parsed(ORDER), false), 40403);
    }

    @Test
    void unknownIdsAndVersionsAnswerConfluentsCodes() {
        registry.register(USERS, parsed(USER_V1));

        assertErrorCode(() -> registry.schemaById(99), 40403);
        assertErrorCode(() -> registry.version(USERS, new VersionRef(7), false), 40402);
        assertErrorCode(() -> registry.version(CUSTOMERS, VersionRef.LATEST, false), 40401);
        assertErrorCode(() -> VersionRef.parse("0"), 42202);
        assertErrorCode(() -> VersionRef.parse("first"), 42202);
    }

    @Test
    void anInvalidOrNonAvroSchemaIs42201() {
        assertErrorCode(() -> SchemaDefinition.parse("{\"type\": \"record\", \"name\": \"NoFields\"}"), 42201);
        assertErrorCode(() -> SchemaDefinition.parse("not json"), 42201);
        assertErrorCode(() -> SchemaDefinition.parse("syntax = \"proto3\";", "PROTOBUF", 0), 42201);
        assertErrorCode(() -> SchemaDefinition.parse(USER_V1, "AVRO", 1), 42201);
    }

    // ---- compatibility ----

    @Test
    void anIncompatibleSchemaIsRefusedWith409NamingTheField() {
        registry.register(USERS, parsed(USER_V1));

        assertThatThrownBy(() -> registry.register(USERS, parsed(USER_WITH_REQUIRED_AGE)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                })
                .hasMessageStartingWith("Schema being registered is incompatible with an earlier schema for subject"
                        + " \"users-value\"")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
                .hasMessageContaining("additionalInfo:'age'");
        assertThat(registry.versionNumbers(USERS, false)).containsExactly(1);
    }

    @Test
    void aSubjectLevelOverridesTheGlobalLevel() {
        registry.register(USERS, parsed(USER_V1));
        registry.setLevel(USERS, CompatibilityLevel.NONE);

        assertThat(registry.register(USERS, parsed(USER_WITH_NUMERIC_NAME))).isEqualTo(2);
    }

    @Test
    void theGlobalLevelAppliesToSubjectsWithoutTheirOwn() {
        registry.register(USERS, parsed(USER_V1));
        registry.setLevel(null, CompatibilityLevel.FORWARD);

        assertThat(registry.register(USERS, parsed(USER_WITH_REQUIRED_AGE))).isEqualTo(2);
    }

    @Test
    void checkingAgainstLatestOfAnEmptySubjectIsCompatible() {
        assertThat(registry.checkCompatibility(USERS, VersionRef.LATEST, parsed(USER_V1)).isCompatible()).isTrue();
        assertErrorCode(() -> registry.checkCompatibility(USERS, new VersionRef(1), parsed(USER_V1)), 40401);
    }

    @Test
    void checkingAgainstOneVersionUsesOnlyThatVersion() {
        registry.register(USERS, parsed(USER_V1));
        registry.setLevel(USERS, CompatibilityLevel.NONE);
        registry.register(USERS, parsed(USER_WITH_REQUIRED_AGE));
        registry.setLevel(USERS, CompatibilityLevel.BACKWARD);

        assertThat(registry.checkCompatibility(USERS, new VersionRef(2), parsed(USER_WITH_REQUIRED_AGE))
                .isCompatible()).isTrue();
        assertThat(registry.checkCompatibility(USERS, new VersionRef(1), parsed(USER_WITH_REQUIRED_AGE))
                .isCompatible()).isFalse();
        assertErrorCode(() -> registry.checkCompatibility(USERS, new VersionRef(3), parsed(USER_V1)), 40402);
    }

    // ---- configuration ----

    @Test
    void aSubjectHasNoLevelOfItsOwnUntilOneIsSet() {
        assertThat(registry.subjectLevel(USERS)).isEmpty();
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);

        registry.setLevel(USERS, CompatibilityLevel.FULL);

        assertThat(registry.subjectLevel(USERS)).contains(CompatibilityLevel.FULL);
    }

    @Test
    void clearingASubjectLevelAnswersTheOldOneAndIs40401WhenThereIsNone() {
        registry.setLevel(USERS, CompatibilityLevel.FULL);

        assertThat(registry.clearSubjectLevel(USERS)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(registry.subjectLevel(USERS)).isEmpty();
        assertErrorCode(() -> registry.clearSubjectLevel(USERS), 40401);
    }

    @Test
    void clearingTheGlobalLevelGoesBackToTheStartUpDefault() {
        registry.setLevel(null, CompatibilityLevel.NONE);

        assertThat(registry.clearGlobalLevel()).isEqualTo(CompatibilityLevel.NONE);
        assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    // ---- deletes ----

    @Test
    void aSoftDeletedSubjectIsHiddenUnlessDeletedOnesAreAskedFor() {
        registry.register(USERS, parsed(USER_V1));
        registry.register(USERS, parsed(USER_WITH_OPTIONAL_EMAIL));

        assertThat(registry.deleteSubject(USERS, false)).containsExactly(1, 2);

        assertThat(registry.subjects(false, null)).doesNotContain(USERS);
        assertThat(registry.subjects(true, null)).contains(USERS);
        assertErrorCode(() -> registry.versionNumbers(USERS, false), 40401);
        assertThat(registry.versionNumbers(USERS, true)).containsExactly(1, 2);
        assertErrorCode(() -> registry.lookup(USERS, parsed(USER_V1), false), 40401);
        assertThat(registry.lookup(USERS, parsed(USER_V1), true).deleted()).isTrue();
        assertThat(registry.schemaById(1)).isEqualTo(parsed(USER_V1).canonical());
    }

    @Test
    void aSubjectIsDeletedPermanentlyOnlyAfterASoftDelete() {
        registry.register(USERS, parsed(USER_V1));

        assertErrorCode(() -> registry.deleteSubject(USERS, true), 40405);
        registry.deleteSubject(USERS, false);
        assertErrorCode(() -> registry.deleteSubject(USERS, false), 40404);
        assertThat(registry.deleteSubject(USERS, true)).containsExactly(1);

        assertErrorCode(() -> registry.versionNumbers(USERS, true), 40401);
        assertErrorCode(() -> registry.deleteSubject(USERS, true), 40401);
        assertErrorCode(() -> registry.schemaById(1), 40403);
    }

    @Test
    void aPermanentSubjectDeleteAlsoRemovesItsLevel() {
        registry.register(USERS, parsed(USER_V1));
        registry.setLevel(USERS, CompatibilityLevel.NONE);
        registry.deleteSubject(USERS, false);

        assertThat(registry.subjectLevel(USERS)).contains(CompatibilityLevel.NONE);
        registry.deleteSubject(USERS, true);
        assertThat(registry.subjectLevel(USERS)).isEmpty();
    }

    @Test
    void versionsAfterASoftDeleteContinueTheNumberingAndReuseTheId() {
        int id = registry.register(USERS, parsed(USER_V1));
        registry.deleteSubject(USERS, false);

        assertThat(registry.register(USERS, parsed(USER_V1))).isEqualTo(id);
        assertThat(registry.versionNumbers(USERS, false)).containsExactly(2);
    }

    @Test
    void aSoftDeletedVersionIsNotCheckedForCompatibility() {
        registry.register(USERS, parsed(USER_V1));
        registry.deleteSubject(USERS, false);

        assertThat(registry.register(USERS, parsed(USER_WITH_NUMERIC_NAME))).isEqualTo(2);
    }

    @Test
    void aVersionIsDeletedSoftThenPermanently() {
        registry.register(USERS, parsed(USER_V1));
        registry.register(USERS, parsed(USER_WITH_OPTIONAL_EMAIL));

        assertErrorCode(() -> registry.deleteVersion(USERS, new VersionRef(2), true), 40407);
        assertThat(registry.deleteVersion(USERS, new VersionRef(2), false)).isEqualTo(2);
        assertErrorCode(() -> registry.deleteVersion(USERS, new VersionRef(2), false), 40406);
        assertThat(registry.versionNumbers(USERS, false)).containsExactly(1);
        assertThat(registry.version(USERS, VersionRef.LATEST, false).version()).isEqualTo(1);
        assertThat(registry.version(USERS, new VersionRef(2), true).deleted()).isTrue();

        assertThat(registry.deleteVersion(USERS, new VersionRef(2), true)).isEqualTo(2);

        assertThat(registry.versionNumbers(USERS, true)).containsExactly(1);
        assertErrorCode(() -> registry.deleteVersion(USERS, new VersionRef(2), true), 40402);
        assertErrorCode(() -> registry.deleteVersion(CUSTOMERS, new VersionRef(1), false), 40401);
    }

    @Test
    void anIdFreedByAPermanentDeleteIsNotHandedOutAgain() {
        registry.register(USERS, parsed(USER_V1));
        registry.register(CUSTOMERS, parsed(ORDER));
        registry.deleteSubject(CUSTOMERS, false);
        registry.deleteSubject(CUSTOMERS, true);

        assertThat(registry.register(USERS, parsed(USER_WITH_OPTIONAL_EMAIL))).isEqualTo(3);
    }

    // ---- restart ----

    @Test
    void replayingTheLogRebuildsEveryIdVersionLevelAndDelete() {
        registry.register(USERS, parsed(USER_V1));
        registry.register(USERS, parsed(USER_WITH_OPTIONAL_EMAIL));
        registry.register(CUSTOMERS, parsed(ORDER));
        registry.deleteVersion(USERS, new VersionRef(1), false);
        registry.setLevel(CUSTOMERS, CompatibilityLevel.FULL_TRANSITIVE);
        registry.setLevel(null, CompatibilityLevel.FORWARD);

        SchemaRegistry restarted = new SchemaRegistry(log.reopened(), CompatibilityLevel.BACKWARD);

        assertThat(restarted.subjects(true, null)).isEqualTo(registry.subjects(true, null));
        for (String subject : List.of(USERS, CUSTOMERS)) {
            assertThat(restarted.versionNumbers(subject, true)).isEqualTo(registry.versionNumbers(subject, true));
            for (int number : registry.versionNumbers(subject, true)) {
                assertThat(restarted.version(subject, new VersionRef(number), true))
                        .isEqualTo(registry.version(subject, new VersionRef(number), true));
            }
        }
        assertThat(restarted.subjectLevel(CUSTOMERS)).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(restarted.globalLevel()).isEqualTo(CompatibilityLevel.FORWARD);
        assertThat(restarted.register("orders-value", parsed(USER_WITH_REQUIRED_AGE))).isEqualTo(4);
    }

    private static void assertErrorCode(ThrowingCallable call, int errorCode) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(errorCode));
    }
}
