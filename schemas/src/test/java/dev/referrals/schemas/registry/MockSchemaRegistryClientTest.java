package dev.referrals.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** The in-memory registry behaves like Confluent's for ids, versions, compatibility, deletes and errors. */
class MockSchemaRegistryClientTest {

    private final MockSchemaRegistryClient registry = new MockSchemaRegistryClient();

    private static final Schema V1 = SchemaBuilder.record("Thing").namespace("test").fields()
            .requiredString("name").endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Thing").namespace("test").fields()
            .requiredString("name").name("size").type().intType().intDefault(0).endRecord();
    private static final Schema V2_WITHOUT_DEFAULT = SchemaBuilder.record("Thing").namespace("test").fields()
            .requiredString("name").requiredInt("size").endRecord();

    @Test
    void idsStartAtOneAndCountUp() {
        assertThat(registry.register("a-value", V1)).isEqualTo(1);
        assertThat(registry.register("a-value", V2_WITH_DEFAULT)).isEqualTo(2);
        assertThat(registry.versions("a-value")).containsExactly(1, 2);
    }

    @Test
    void sameSchemaUnderAnotherSubjectGetsTheSameId() {
        int first = registry.register("a-value", V1);

        assertThat(registry.register("b-value", V1)).isEqualTo(first);
        assertThat(registry.version("b-value", 1).id()).isEqualTo(first);
    }

    @Test
    void reRegisteringTheSameSchemaMakesNoNewVersion() {
        int id = registry.register("a-value", V1);

        assertThat(registry.register("a-value", V1)).isEqualTo(id);
        assertThat(registry.versions("a-value")).containsExactly(1);
    }

    @Test
    void formattingOfTheSchemaTextDoesNotMakeANewSchema() {
        int id = registry.register("a-value", V1);
        Schema reformatted = new Schema.Parser().parse("""
                { "fields": [ {"type": "string", "name": "name"} ],
                  "namespace": "test", "name": "Thing", "type": "record" }
                """);

        assertThat(registry.register("a-value", reformatted)).isEqualTo(id);
        assertThat(registry.lookup("a-value", reformatted).version()).isEqualTo(1);
    }

    @Test
    void lookupAnswersSubjectVersionIdAndSchema() {
        registry.register("a-value", V1);
        int id = registry.register("a-value", V2_WITH_DEFAULT);

        RegisteredSchema found = registry.lookup("a-value", V2_WITH_DEFAULT);

        assertThat(found).isEqualTo(new RegisteredSchema("a-value", 2, id, V2_WITH_DEFAULT));
        assertThat(registry.latest("a-value").version()).isEqualTo(2);
        assertThat(registry.schemaById(id)).isEqualTo(V2_WITH_DEFAULT);
    }

    @Test
    void backwardIncompatibleSchemaIsRefusedWith409ByDefault() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.register("a-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(409);
                    assertThat(failure.errorCode()).isEqualTo(RegistryErrorCode.INCOMPATIBLE_SCHEMA);
                    assertThat(failure.isRetriable()).isFalse();
                })
                .hasMessageContaining("size");
        assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(registry.versions("a-value")).containsExactly(1);
    }

    @Test
    void compatibilityNoneOnTheSubjectAllowsAnyChange() {
        registry.register("a-value", V1);
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);

        assertThat(registry.register("a-value", V2_WITHOUT_DEFAULT)).isEqualTo(2);
        assertThat(registry.compatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(registry.compatibility("other-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void transitiveLevelChecksEveryEarlierVersionNotJustTheNewest() {
        Schema withStringField = SchemaBuilder.record("T").fields().requiredString("f").endRecord();
        Schema withoutField = SchemaBuilder.record("T").fields().endRecord();
        Schema withIntFieldDefaulted = SchemaBuilder.record("T").fields().name("f").type().intType().intDefault(0)
                .endRecord();
        registry.register("plain-value", withStringField);
        registry.register("plain-value", withoutField);
        registry.setCompatibility("transitive-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
        registry.register("transitive-value", withStringField);
        registry.register("transitive-value", withoutField);

        assertThat(registry.register("plain-value", withIntFieldDefaulted)).isPositive();
        assertThatThrownBy(() -> registry.register("transitive-value", withIntFieldDefaulted))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        failure -> assertThat(failure.errorCode()).isEqualTo(RegistryErrorCode.INCOMPATIBLE_SCHEMA))
                .hasMessageContaining("oldSchemaVersion: 1");
    }

    @Test
    void compatibilityTestAnswersWithVerboseReasons() {
        registry.register("a-value", V1);

        CompatibilityResult bad = registry.testCompatibility("a-value", V2_WITHOUT_DEFAULT,
                SchemaRegistryClient.LATEST_VERSION);
        CompatibilityResult good = registry.testCompatibility("a-value", V2_WITH_DEFAULT, "1");

        assertThat(bad.isCompatible()).isFalse();
        assertThat(bad.messages()).anySatisfy(message -> assertThat(message)
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("size"));
        assertThat(bad.messages()).contains("{compatibility: 'BACKWARD'}");
        assertThat(good.isCompatible()).isTrue();
        assertThat(good.messages()).isEmpty();
        assertThat(registry.testCompatibility("new-value", V1, "latest").isCompatible()).isTrue();
    }

    @Test
    void missingThingsAnswerConfluentsErrorCodes() {
        registry.register("a-value", V1);

        assertErrorCode(() -> registry.latest("nope-value"), 404, RegistryErrorCode.SUBJECT_NOT_FOUND);
        assertErrorCode(() -> registry.version("a-value", 7), 404, RegistryErrorCode.VERSION_NOT_FOUND);
        assertErrorCode(() -> registry.lookup("a-value", V2_WITH_DEFAULT), 404, RegistryErrorCode.SCHEMA_NOT_FOUND);
        assertErrorCode(() -> registry.schemaById(99), 404, RegistryErrorCode.SCHEMA_NOT_FOUND);
        assertErrorCode(() -> registry.version("a-value", 0), 422, RegistryErrorCode.INVALID_VERSION);
        assertErrorCode(() -> registry.testCompatibility("a-value", V1, "one"), 422,
                RegistryErrorCode.INVALID_VERSION);
        assertErrorCode(() -> CompatibilityLevel.parse("SIDEWAYS"), 422, RegistryErrorCode.INVALID_COMPATIBILITY_LEVEL);
    }

    @Test
    void permanentDeleteNeedsASoftDeleteFirstAndIdsStayReadable() {
        int id = registry.register("a-value", V1);
        registry.register("a-value", V2_WITH_DEFAULT);

        assertErrorCode(() -> registry.deleteSubject("a-value", true), 404,
                RegistryErrorCode.SUBJECT_NOT_SOFT_DELETED);
        assertThat(registry.deleteSubject("a-value", false)).containsExactly(1, 2);
        assertErrorCode(() -> registry.latest("a-value"), 404, RegistryErrorCode.SUBJECT_NOT_FOUND);
        assertErrorCode(() -> registry.deleteSubject("a-value", false), 404, RegistryErrorCode.SUBJECT_SOFT_DELETED);
        assertThat(registry.subjects()).isEmpty();
        assertThat(registry.deleteSubject("a-value", true)).containsExactly(1, 2);
        assertErrorCode(() -> registry.deleteSubject("a-value", true), 404, RegistryErrorCode.SUBJECT_NOT_FOUND);

        assertThat(registry.schemaById(id)).isEqualTo(V1);
        assertThat(registry.register("a-value", V1)).isEqualTo(id);
    }

    @Test
    void deletingTheNewestVersionMakesThePreviousOneLatest() {
        registry.register("a-value", V1);
        registry.register("a-value", V2_WITH_DEFAULT);

        assertErrorCode(() -> registry.deleteVersion("a-value", 2, true), 404,
                RegistryErrorCode.SCHEMA_VERSION_NOT_SOFT_DELETED);
        assertThat(registry.deleteVersion("a-value", 2, false)).isEqualTo(2);
        assertErrorCode(() -> registry.deleteVersion("a-value", 2, false), 404,
                RegistryErrorCode.SCHEMA_VERSION_SOFT_DELETED);
        assertThat(registry.deleteVersion("a-value", 2, true)).isEqualTo(2);

        assertThat(registry.latest("a-value").version()).isEqualTo(1);
        assertThat(registry.versions("a-value")).containsExactly(1);
    }

    @Test
    void clientsOfOneMockScopeShareARegistryUntilTheScopeIsDropped() {
        String scope = "shared-" + UUID.randomUUID();
        Map<String, String> config = Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);
        SchemaRegistryClient producerSide = SchemaRegistryClients.fromConfig(config);
        SchemaRegistryClient consumerSide = SchemaRegistryClients.fromConfig(config);

        int id = producerSide.register("a-value", V1);

        assertThat(consumerSide.schemaById(id)).isEqualTo(V1);
        assertThat(SchemaRegistryClients.fromConfig(Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL,
                "mock://other-" + scope)).subjects()).isEmpty();
        MockSchemaRegistryClient.dropScope(scope);
        assertThat(SchemaRegistryClients.fromConfig(config).subjects()).isEmpty();
    }

    private static void assertErrorCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status,
            int errorCode) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SchemaRegistryException.class, failure -> {
            assertThat(failure.status()).isEqualTo(status);
            assertThat(failure.errorCode()).isEqualTo(errorCode);
        });
    }
}
