package dev.referrals.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.referrals.schemas.registry.ScriptedRegistryServer.Reply;
import dev.referrals.schemas.registry.ScriptedRegistryServer.Request;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST client speaks Confluent's API v1 as Confluent's Java client does, and retries only what may heal. */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Thing").namespace("test").fields()
            .requiredString("name").endRecord();
    private static final String SCHEMA_JSON_STRING;

    static {
        try {
            SCHEMA_JSON_STRING = new ObjectMapper().writeValueAsString(SCHEMA.toString());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private final ScriptedRegistryServer server = ScriptedRegistryServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void registerPostsTheSchemaStringWithConfluentsMediaTypes() throws IOException {
        server.thenReply(Reply.json(200, "{\"id\":7}"));

        int id = client(Map.of()).register("orders-value", SCHEMA);

        assertThat(id).isEqualTo(7);
        Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/subjects/orders-value/versions");
        assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
        assertThat(request.header("Authorization")).isNull();
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.size()).as("no schemaType for AVRO, like Confluent's client").isEqualTo(1);
        assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(SCHEMA);
    }

    @Test
    void retriesA503AndThenSucceeds() {
        server.thenReply(Reply.error(503, 50003, "Error while forwarding the request to the leader"),
                Reply.json(200, "{\"id\":3}"));

        assertThat(client(Map.of()).register("orders-value", SCHEMA)).isEqualTo(3);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void doesNotRetryA404AndKeepsTheErrorCode() {
        server.thenReply(Reply.error(404, 40403, "Schema not found"));

        assertThatThrownBy(() -> client(Map.of()).lookup("orders-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(404);
                    assertThat(failure.errorCode()).isEqualTo(RegistryErrorCode.SCHEMA_NOT_FOUND);
                    assertThat(failure.isRetriable()).isFalse();
                    assertThat(failure.isClientError()).isTrue();
                })
                .hasMessageContaining("Schema not found");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void doesNotRetryAConflict() {
        server.otherwise(request -> Reply.error(409, 409, "Schema being registered is incompatible"));

        assertThatThrownBy(() -> client(Map.of()).register("orders-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        failure -> assertThat(failure.errorCode()).isEqualTo(RegistryErrorCode.INCOMPATIBLE_SCHEMA));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void givesUpAfterMaxRetriesWithARetriableFailure() {
        server.otherwise(request -> Reply.error(500, 50001, "Error in the backend data store"));

        assertThatThrownBy(() -> client(Map.of(SchemaRegistryClientConfig.MAX_RETRIES, 2)).schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(500);
                    assertThat(failure.errorCode()).isEqualTo(RegistryErrorCode.BACKEND_STORE_ERROR);
                    assertThat(failure.isRetriable()).isTrue();
                });
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void errorPageThatIsNotJsonKeepsItsStatusUnderCode50005() {
        server.otherwise(request -> Reply.json(502, "<html>Bad Gateway</html>"));

        assertThatThrownBy(() -> client(Map.of(SchemaRegistryClientConfig.MAX_RETRIES, 0)).schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(502);
                    assertThat(failure.errorCode()).isEqualTo(RegistryErrorCode.UNPARSEABLE_ERROR_BODY);
                })
                .hasMessageContaining("Bad Gateway");
    }

    @Test
    void refusesCredentialsOverPlainHttpUnlessExplicitlyAllowed() {
        String withUserInfo = server.url().replace("http://", "http://reader:pa%40ss@");

        assertThatThrownBy(() -> new RestSchemaRegistryClient(Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, withUserInfo)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("plain http").hasMessageContaining("schema.registry.allow.credentials.over.http")
                .hasMessageNotContaining("pa%40ss").hasMessageNotContaining("reader");
        assertThatThrownBy(() -> new RestSchemaRegistryClient(Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, server.url(),
                SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO, "svc:secret")))
                .hasMessageContaining("plain http").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new RestSchemaRegistryClient(Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, server.url(),
                SchemaRegistryClientConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
                SchemaRegistryClientConfig.BEARER_AUTH_TOKEN, "tok.en")))
                .hasMessageContaining("plain http").hasMessageNotContaining("tok.en");
    }

    @Test
    void sendsCredentialsOverHttpsOrOverHttpWhenAllowedAndNoneIsNeededWithoutCredentials() {
        new RestSchemaRegistryClient(Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL,
                "https://reader:secret@sr.example:8081")).close();
        new RestSchemaRegistryClient(Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, server.url())).close();
        server.thenReply(Reply.json(200, "[]"));

        new RestSchemaRegistryClient(Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL,
                server.url().replace("http://", "http://reader:secret@"),
                "schema.registry." + SchemaRegistryClientConfig.ALLOW_CREDENTIALS_OVER_HTTP, "true")).subjects();

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo(basic("reader:secret"));
    }

    @Test
    void aMalformedRegistryUrlIsReportedWithoutItsPassword() {
        assertThatThrownBy(() -> new RestSchemaRegistryClient(Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL,
                "http://reader:secret@sr example:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("secret").hasMessageContaining("reader:****@");
    }

    @Test
    void sendsBasicAuthFromUserInfo() {
        server.thenReply(Reply.json(200, "[]"));

        client(Map.of(SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO, "svc-referrals:s3cr:t")).subjects();

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo(basic("svc-referrals:s3cr:t"));
    }

    @Test
    void prefixedClientKeysWinLikeConfluentsSerdes() {
        server.thenReply(Reply.json(200, "[]"));

        client(Map.of(SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO, "plain:one",
                "schema.registry.basic.auth.user.info", "prefixed:two")).subjects();

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo(basic("prefixed:two"));
    }

    @Test
    void sendsBasicAuthFromTheUrlAndKeepsItOutOfTheRequestLine() {
        server.thenReply(Reply.json(200, "[]"));
        String url = server.url().replace("http://", "http://reader:pa%40ss@");

        new RestSchemaRegistryClient(Map.of(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, url,
                SchemaRegistryClientConfig.ALLOW_CREDENTIALS_OVER_HTTP, true)).subjects();

        Request request = server.requests().get(0);
        assertThat(request.header("Authorization")).isEqualTo(basic("reader:pa@ss"));
        assertThat(request.pathAndQuery()).isEqualTo("/subjects");
    }

    @Test
    void sendsTheStaticBearerToken() {
        server.thenReply(Reply.json(200, "[]"));

        client(Map.of(SchemaRegistryClientConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
                SchemaRegistryClientConfig.BEARER_AUTH_TOKEN, "tok.en")).subjects();

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer tok.en");
    }

    @Test
    void bearerTogetherWithUserInfoIsAConfigurationError() {
        assertThatThrownBy(() -> client(Map.of(
                SchemaRegistryClientConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN",
                SchemaRegistryClientConfig.BEARER_AUTH_TOKEN, "t",
                SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
                SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO, "u:p")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> client(Map.of(
                SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO);
    }

    @Test
    void failsOverToTheNextUrlWhenTheFirstRefusesConnections() throws IOException {
        server.otherwise(request -> Reply.json(200, "{\"schema\":" + SCHEMA_JSON_STRING + "}"));
        String deadUrl = "http://127.0.0.1:" + unusedPort();
        SchemaRegistryClient client = new RestSchemaRegistryClient(Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, deadUrl + ", " + server.url(),
                SchemaRegistryClientConfig.MAX_RETRIES, 0));

        assertThat(client.schemaById(1)).isEqualTo(SCHEMA);
        assertThat(client.schemaById(2)).isEqualTo(SCHEMA);
        assertThat(server.requests()).extracting(Request::pathAndQuery)
                .containsExactly("/schemas/ids/1", "/schemas/ids/2");
    }

    @Test
    void unreachableRegistryIsANoResponseFailureAfterTheRetries() throws IOException {
        SchemaRegistryClient client = new RestSchemaRegistryClient(Map.of(
                SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + unusedPort(),
                SchemaRegistryClientConfig.MAX_RETRIES, 1,
                SchemaRegistryClientConfig.RETRIES_WAIT_MS, 1));

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, failure -> {
                    assertThat(failure.isNoResponse()).isTrue();
                    assertThat(failure.isRetriable()).isTrue();
                });
    }

    @Test
    void slowAnswerTimesOutAsNoResponse() {
        server.otherwise(request -> new Reply(200, "[]", 2_000));

        assertThatThrownBy(() -> client(Map.of(SchemaRegistryClientConfig.HTTP_READ_TIMEOUT_MS, 200,
                SchemaRegistryClientConfig.MAX_RETRIES, 0)).subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        failure -> assertThat(failure.isNoResponse()).isTrue())
                .hasMessageContaining("timed out");
    }

    @Test
    void readsVersionsSubjectsAndSchemas() {
        server.otherwise(request -> switch (request.pathAndQuery()) {
            case "/subjects" -> Reply.json(200, "[\"a-value\",\"b-value\"]");
            case "/subjects/a-value/versions" -> Reply.json(200, "[1,2]");
            case "/subjects/a-value/versions/latest", "/subjects/a-value/versions/2" -> Reply.json(200,
                    "{\"subject\":\"a-value\",\"version\":2,\"id\":12,\"schema\":" + SCHEMA_JSON_STRING + "}");
            case "/subjects/a-value" -> Reply.json(200,
                    "{\"subject\":\"a-value\",\"version\":1,\"id\":11,\"schema\":" + SCHEMA_JSON_STRING + "}");
            default -> Reply.error(404, 40401, "Subject not found");
        });
        SchemaRegistryClient client = client(Map.of());

        assertThat(client.subjects()).containsExactly("a-value", "b-value");
        assertThat(client.versions("a-value")).containsExactly(1, 2);
        assertThat(client.latest("a-value")).isEqualTo(new RegisteredSchema("a-value", 2, 12, SCHEMA));
        assertThat(client.version("a-value", 2).id()).isEqualTo(12);
        assertThat(client.lookup("a-value", SCHEMA)).isEqualTo(new RegisteredSchema("a-value", 1, 11, SCHEMA));
        assertThatThrownBy(() -> client.latest("x-value")).isInstanceOfSatisfying(SchemaRegistryException.class,
                failure -> assertThat(failure.errorCode()).isEqualTo(RegistryErrorCode.SUBJECT_NOT_FOUND));
    }

    @Test
    void compatibilityTestIsVerboseAndConfigIsReadAndWritten() {
        server.otherwise(request -> switch (request.method() + " " + request.pathAndQuery()) {
            case "POST /compatibility/subjects/a-value/versions/latest?verbose=true" -> Reply.json(200,
                    "{\"is_compatible\":false,\"messages\":[\"{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'}\"]}");
            case "GET /config" -> Reply.json(200, "{\"compatibilityLevel\":\"BACKWARD\"}");
            case "GET /config/a-value?defaultToGlobal=true" -> Reply.json(200,
                    "{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
            case "GET /config/b-value?defaultToGlobal=true" -> Reply.error(404, 40408, "Subject does not have "
                    + "subject-level compatibility configured");
            case "PUT /config/a-value", "PUT /config" -> Reply.json(200, request.body());
            default -> Reply.error(404, 40401, "unexpected " + request.pathAndQuery());
        });
        SchemaRegistryClient client = client(Map.of());

        CompatibilityResult result = client.testCompatibility("a-value", SCHEMA, "latest");
        client.setCompatibility("a-value", CompatibilityLevel.FORWARD);
        client.setGlobalCompatibility(CompatibilityLevel.NONE);

        assertThat(result.isCompatible()).isFalse();
        assertThat(result.messages()).singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.compatibility("a-value")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(client.compatibility("b-value")).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(server.requests()).filteredOn(request -> request.method().equals("PUT"))
                .extracting(Request::body)
                .containsExactly("{\"compatibility\":\"FORWARD\"}", "{\"compatibility\":\"NONE\"}");
    }

    @Test
    void deletesAskForPermanenceOnlyWhenToldTo() {
        server.otherwise(request -> request.pathAndQuery().contains("/versions/") ? Reply.json(200, "3")
                : Reply.json(200, "[1,2,3]"));
        SchemaRegistryClient client = client(Map.of());

        assertThat(client.deleteSubject("a-value", false)).containsExactly(1, 2, 3);
        assertThat(client.deleteSubject("a-value", true)).containsExactly(1, 2, 3);
        assertThat(client.deleteVersion("a-value", 3, true)).isEqualTo(3);

        assertThat(server.requests()).extracting(request -> request.method() + " " + request.pathAndQuery())
                .containsExactly("DELETE /subjects/a-value", "DELETE /subjects/a-value?permanent=true",
                        "DELETE /subjects/a-value/versions/3?permanent=true");
    }

    @Test
    void subjectIsPercentEncodedInThePath() {
        server.thenReply(Reply.json(200, "[1]"));

        client(Map.of()).versions("odd subject/with:chars");

        assertThat(server.requests().get(0).pathAndQuery())
                .isEqualTo("/subjects/odd%20subject%2Fwith%3Achars/versions");
    }

    @Test
    void nonAvroSchemaIsRefusedClearly() {
        server.thenReply(Reply.json(200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}"));

        assertThatThrownBy(() -> client(Map.of()).schemaById(4))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        failure -> assertThat(failure.errorCode()).isEqualTo(RegistryErrorCode.INVALID_SCHEMA))
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void missingUrlIsAConfigurationError() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL);
    }

    private SchemaRegistryClient client(Map<String, ?> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL, server.url());
        config.putIfAbsent(SchemaRegistryClientConfig.RETRIES_WAIT_MS, 1);
        config.putIfAbsent(SchemaRegistryClientConfig.RETRIES_MAX_WAIT_MS, 5);
        // The scripted server speaks plain http; the refusal itself is tested above.
        config.putIfAbsent(SchemaRegistryClientConfig.ALLOW_CREDENTIALS_OVER_HTTP, true);
        return new RestSchemaRegistryClient(config);
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
