package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.localstack.registry.RegistryCalls.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.referrals.localstack.registry.RegistryCalls.CONFLUENT_JSON;
import static dev.referrals.localstack.registry.RegistryCalls.schemaBody;
import static dev.referrals.localstack.registry.TestSchemas.ORDER;
import static dev.referrals.localstack.registry.TestSchemas.USER_V1;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_OPTIONAL_EMAIL;
import static dev.referrals.localstack.registry.TestSchemas.USER_WITH_REQUIRED_AGE;
import static dev.referrals.localstack.registry.TestSchemas.parsed;
import static org.assertj.core.api.Assertions.assertThat;

/** Confluent's REST API v1 over real HTTP, against a registry keeping its state on the shared stack's broker. */
@LocalStackTest
class SchemaRegistryServerTest {

    private static SchemaRegistryServer server;
    private static RegistryCalls calls;

    private String subject;

    @BeforeAll
    static void startRegistry(LocalStack stack) {
        server = SchemaRegistryServer.start(SchemaRegistrySettings.forBootstrapServers(stack.kafkaBootstrapServers())
                .withTopic("_schemas-http-" + UUID.randomUUID()));
        calls = new RegistryCalls(server.url());
    }

    @AfterAll
    static void stopRegistry() {
        server.close();
    }

    @BeforeEach
    void subjectPerTest(TestInfo test) {
        subject = test.getTestMethod().orElseThrow().getName() + "-value";
    }

    // ---- register, look up, read ----

    @Test
    void aRegisteredSchemaCanBeLookedUpAndReadByIdVersionAndLatest() {
        Reply registered = calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.contentType()).isEqualTo(CONFLUENT_JSON);
        int id = registered.json().get("id").asInt();
        assertThat(registered.json().size()).isEqualTo(1);
        String canonical = parsed(USER_V1).canonical();

        JsonNode lookedUp = calls.post("/subjects/" + subject, schemaBody(USER_V1)).json();
        assertThat(lookedUp.get("subject").asText()).isEqualTo(subject);
        assertThat(lookedUp.get("version").asInt()).isEqualTo(1);
        assertThat(lookedUp.get("id").asInt()).isEqualTo(id);
        assertThat(lookedUp.get("schema").asText()).isEqualTo(canonical);

        assertThat(calls.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(canonical);
        assertThat(calls.get("/schemas/ids/" + id + "?subject=" + subject).json().get("schema").asText())
                .isEqualTo(canonical);
        assertThat(calls.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
        assertThat(calls.get("/subjects/" + subject + "/versions/latest").json()).isEqualTo(lookedUp);
        assertThat(calls.get("/subjects/" + subject + "/versions/1").json()).isEqualTo(lookedUp);
        assertThat(calls.get("/subjects/" + subject + "/versions/1/schema").body()).isEqualTo(canonical);
        assertThat(calls.get("/subjects").json()).extracting(JsonNode::asText).contains(subject);
        assertThat(calls.get("/schemas/types").body()).isEqualTo("[\"AVRO\"]");
        assertThat(calls.get("/mode").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void aNewVersionGetsTheNextVersionNumberAndANewId() {
        int first = calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1)).json().get("id").asInt();
        int second = calls.post("/subjects/" + subject + "/versions", schemaBody(USER_WITH_OPTIONAL_EMAIL))
                .json().get("id").asInt();

        assertThat(second).isGreaterThan(first);
        assertThat(calls.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1,2]");
        assertThat(calls.get("/subjects/" + subject + "/versions/latest").json().get("id").asInt()).isEqualTo(second);
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneIdAndRegisteringItAgainAddsNoVersion() {
        String other = "other-" + subject;
        int id = calls.post("/subjects/" + subject + "/versions", schemaBody(ORDER)).json().get("id").asInt();

        assertThat(calls.post("/subjects/" + other + "/versions", schemaBody(ORDER)).json().get("id").asInt())
                .isEqualTo(id);
        assertThat(calls.post("/subjects/" + subject + "/versions", schemaBody(ORDER)).json().get("id").asInt())
                .isEqualTo(id);
        assertThat(calls.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
        assertThat(calls.get("/schemas/ids/" + id + "/versions").json()).hasSize(2);
        assertThat(calls.get("/schemas/ids/" + id + "/subjects").json()).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(subject, other);
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream", "application/json; charset=utf-8"})
    void everyMediaTypeConfluentAcceptsIsAccepted(String contentType) {
        Reply reply = calls.send("POST", "/subjects/media-type-value/versions", schemaBody(USER_V1), contentType);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo(CONFLUENT_JSON);
    }

    @Test
    void anotherMediaTypeIsRefusedWith415() {
        Reply reply = calls.send("POST", "/subjects/" + subject + "/versions", schemaBody(USER_V1), "text/plain");

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.errorCode()).isEqualTo(415);
    }

    // ---- compatibility ----

    @Test
    void anIncompatibleSchemaIsRefusedWith409AndConfluentsErrorJson() {
        calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1));

        Reply refused = calls.post("/subjects/" + subject + "/versions", schemaBody(USER_WITH_REQUIRED_AGE));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo(CONFLUENT_JSON);
        assertThat(fieldNames(refused.json())).containsExactly("error_code", "message");
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.json().get("message").asText())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \""
                        + subject + "\"")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "The field 'age'");
        assertThat(calls.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
    }

    @Test
    void theCompatibilityEndpointAnswersAndVerboseNamesTheIncompatibleField() {
        calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1));
        String path = "/compatibility/subjects/" + subject + "/versions/latest";

        assertThat(calls.post(path, schemaBody(USER_WITH_OPTIONAL_EMAIL)).body()).isEqualTo("{\"is_compatible\":true}");
        assertThat(calls.post(path, schemaBody(USER_WITH_REQUIRED_AGE)).body())
                .isEqualTo("{\"is_compatible\":false}");

        JsonNode verbose = calls.post(path + "?verbose=true", schemaBody(USER_WITH_REQUIRED_AGE)).json();
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages").get(0).asText())
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "additionalInfo:'age'");
        assertThat(calls.post("/compatibility/subjects/" + subject + "/versions/1?verbose=true",
                schemaBody(USER_WITH_OPTIONAL_EMAIL)).body()).isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
        assertThat(calls.post("/compatibility/subjects/" + subject + "/versions", schemaBody(USER_WITH_REQUIRED_AGE))
                .json().get("is_compatible").asBoolean()).isFalse();
        assertThat(calls.post("/compatibility/subjects/never-registered/versions/latest", schemaBody(USER_V1))
                .json().get("is_compatible").asBoolean()).isTrue();
    }

    // ---- configuration ----

    @Test
    void theGlobalLevelIsReadAndChanged() {
        assertThat(calls.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        try {
            assertThat(calls.put("/config", "{\"compatibility\":\"FULL\"}").body())
                    .isEqualTo("{\"compatibility\":\"FULL\"}");
            assertThat(calls.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        } finally {
            assertThat(calls.delete("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        }
        assertThat(calls.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void aSubjectLevelIsReadChangedAndRemoved() {
        String path = "/config/" + subject;
        Reply notConfigured = calls.get(path);
        assertThat(notConfigured.status()).isEqualTo(404);
        assertThat(notConfigured.errorCode()).isEqualTo(40408);
        assertThat(calls.get(path + "?defaultToGlobal=true").body())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        assertThat(calls.put(path, "{\"compatibility\":\"none\"}").body()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(calls.get(path).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1));
        assertThat(calls.post("/subjects/" + subject + "/versions", schemaBody(USER_WITH_REQUIRED_AGE)).status())
                .as("NONE lets an incompatible schema in").isEqualTo(200);

        assertThat(calls.delete(path).body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(calls.get(path).errorCode()).isEqualTo(40408);
        assertThat(calls.delete(path).errorCode()).isEqualTo(40401);
    }

    @Test
    void anUnknownCompatibilityLevelIs42203() {
        Reply reply = calls.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42203);
    }

    // ---- deletes ----

    @Test
    void aSubjectIsSoftDeletedThenPermanentlyDeleted() {
        calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1));
        calls.post("/subjects/" + subject + "/versions", schemaBody(USER_WITH_OPTIONAL_EMAIL));

        assertThat(calls.delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40405);
        assertThat(calls.delete("/subjects/" + subject).body()).isEqualTo("[1,2]");
        assertThat(calls.delete("/subjects/" + subject).errorCode()).isEqualTo(40404);

        assertThat(calls.get("/subjects").json()).extracting(JsonNode::asText).doesNotContain(subject);
        assertThat(calls.get("/subjects?deleted=true").json()).extracting(JsonNode::asText).contains(subject);
        assertThat(calls.get("/subjects/" + subject + "/versions").errorCode()).isEqualTo(40401);
        assertThat(calls.get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertThat(calls.get("/subjects/" + subject + "/versions/1").errorCode()).isEqualTo(40401);
        assertThat(calls.get("/subjects/" + subject + "/versions/1?deleted=true").status()).isEqualTo(200);
        assertThat(calls.post("/subjects/" + subject, schemaBody(USER_V1)).errorCode()).isEqualTo(40401);
        assertThat(calls.post("/subjects/" + subject + "?deleted=true", schemaBody(USER_V1)).status()).isEqualTo(200);

        assertThat(calls.delete("/subjects/" + subject + "?permanent=true").body()).isEqualTo("[1,2]");

        assertThat(calls.get("/subjects?deleted=true").json()).extracting(JsonNode::asText).doesNotContain(subject);
        assertThat(calls.get("/subjects/" + subject + "/versions?deleted=true").errorCode()).isEqualTo(40401);
        assertThat(calls.delete("/subjects/" + subject + "?permanent=true").errorCode()).isEqualTo(40401);
    }

    @Test
    void aVersionIsSoftDeletedThenPermanentlyDeleted() {
        calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1));
        calls.post("/subjects/" + subject + "/versions", schemaBody(USER_WITH_OPTIONAL_EMAIL));
        String version2 = "/subjects/" + subject + "/versions/2";

        assertThat(calls.delete(version2 + "?permanent=true").errorCode()).isEqualTo(40407);
        assertThat(calls.delete(version2).body()).isEqualTo("2");
        assertThat(calls.delete(version2).errorCode()).isEqualTo(40406);
        assertThat(calls.get(version2).errorCode()).isEqualTo(40402);
        assertThat(calls.get(version2 + "?deleted=true").json().get("version").asInt()).isEqualTo(2);
        assertThat(calls.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
        assertThat(calls.get("/subjects/" + subject + "/versions/latest").json().get("version").asInt()).isEqualTo(1);

        assertThat(calls.delete(version2 + "?permanent=true").body()).isEqualTo("2");

        assertThat(calls.get(version2 + "?deleted=true").errorCode()).isEqualTo(40402);
        assertThat(calls.get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo("[1]");
    }

    // ---- routing and errors ----

    @Test
    void associationsAreNotOfferedAndAnswer404() {
        for (Reply reply : List.of(calls.get("/associations"), calls.get("/associations/subjects/" + subject),
                calls.post("/associations", "{}"), calls.delete("/associations/resources/x"))) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).isEqualTo(CONFLUENT_JSON);
            assertThat(reply.errorCode()).isEqualTo(404);
        }
    }

    @Test
    void anUnknownPathIs404AndAWrongMethodIs405() {
        Reply unknown = calls.get("/no/such/path");
        Reply wrongMethod = calls.send("PATCH", "/subjects", "{}", CONFLUENT_JSON);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("HTTP 404 Not Found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.errorCode()).isEqualTo(405);
    }

    @Test
    void eachNotFoundAnswersItsConfluentCode() {
        calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1));

        assertError(calls.get("/subjects/unknown-subject/versions"), 404, 40401, "Subject 'unknown-subject' not found.");
        assertError(calls.get("/subjects/" + subject + "/versions/9"), 404, 40402, "Version 9 not found.");
        assertError(calls.post("/subjects/" + subject, schemaBody(ORDER)), 404, 40403, "Schema not found");
        assertError(calls.get("/schemas/ids/999999"), 404, 40403, "Schema 999999 not found");
    }

    @Test
    void invalidInputAnswersItsConfluentCode() {
        Reply invalidSchema = calls.post("/subjects/" + subject + "/versions", schemaBody("{\"type\": \"recrod\"}"));
        Reply protobuf = calls.post("/subjects/" + subject + "/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        Reply invalidVersion = calls.get("/subjects/" + subject + "/versions/zero");
        Reply notJson = calls.post("/subjects/" + subject + "/versions", "{not json");

        assertThat(invalidSchema.status()).isEqualTo(422);
        assertThat(invalidSchema.errorCode()).isEqualTo(42201);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(protobuf.json().get("message").asText()).contains("PROTOBUF", "only AVRO");
        assertThat(invalidVersion.status()).isEqualTo(422);
        assertThat(invalidVersion.errorCode()).isEqualTo(42202);
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void aChosenIdIsRefusedWith42205UnlessItIsTheSchemasOwn() {
        int id = calls.post("/subjects/" + subject + "/versions", schemaBody(USER_V1)).json().get("id").asInt();

        Reply chosen = calls.post("/subjects/" + subject + "/versions",
                RegistryCalls.schemaBodyWithId(USER_WITH_OPTIONAL_EMAIL, 424242));
        Reply own = calls.post("/subjects/other-" + subject + "/versions", RegistryCalls.schemaBodyWithId(USER_V1, id));

        assertThat(chosen.status()).isEqualTo(422);
        assertThat(chosen.errorCode()).isEqualTo(42205);
        assertThat(own.json().get("id").asInt()).isEqualTo(id);
    }

    @Test
    void subjectNamesArePercentDecoded() {
        String encoded = "name%20with%2Fslash+plus";

        calls.post("/subjects/" + encoded + "/versions", schemaBody(USER_V1));

        assertThat(calls.get("/subjects").json()).extracting(JsonNode::asText).contains("name with/slash+plus");
        assertThat(calls.get("/subjects/" + encoded + "/versions").body()).isEqualTo("[1]");
    }

    private static void assertError(Reply reply, int status, int errorCode, String message) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(errorCode);
        assertThat(reply.json().get("message").asText()).isEqualTo(message);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
