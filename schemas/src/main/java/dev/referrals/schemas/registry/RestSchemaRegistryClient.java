package dev.referrals.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * A client of Confluent Schema Registry's REST API v1 over {@link HttpClient}, sending the same requests as
 * Confluent's Java client. It caches nothing: wrap it in {@link CachingSchemaRegistryClient}, as
 * {@link SchemaRegistryClients#fromConfig} does.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final String SCHEMA_FIELD = "schema";
    private static final String SCHEMA_TYPE_FIELD = "schemaType";
    private static final String AVRO_SCHEMA_TYPE = "AVRO";
    private static final String PERMANENT_QUERY = "?permanent=true";
    private static final String HTTP = "http";

    private final RegistryHttp http;
    private final ObjectMapper json = new ObjectMapper();

    /** A client configured with Confluent's keys, see {@link SchemaRegistryClientConfig}. */
    public RestSchemaRegistryClient(Map<String, ?> configs) {
        ConfigReader config = ConfigReader.forRegistryClient(configs);
        String urls = config.string(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL).orElseThrow(
                () -> new ConfigException(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL + " is required"));
        BaseUrls baseUrls = BaseUrls.parse(urls);
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(config.integer(SchemaRegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS,
                        SchemaRegistryClientConfig.DEFAULT_HTTP_CONNECT_TIMEOUT_MS)));
        if (baseUrls.all().stream().anyMatch(url -> "https".equalsIgnoreCase(url.uri().getScheme()))) {
            client.sslContext(RegistryTls.sslContext(config));
        }
        RetryBackoff backoff = new RetryBackoff(
                config.integer(SchemaRegistryClientConfig.MAX_RETRIES, SchemaRegistryClientConfig.DEFAULT_MAX_RETRIES),
                config.number(SchemaRegistryClientConfig.RETRIES_WAIT_MS,
                        SchemaRegistryClientConfig.DEFAULT_RETRIES_WAIT_MS),
                config.number(SchemaRegistryClientConfig.RETRIES_MAX_WAIT_MS,
                        SchemaRegistryClientConfig.DEFAULT_RETRIES_MAX_WAIT_MS));
        Duration readTimeout = Duration.ofMillis(config.integer(SchemaRegistryClientConfig.HTTP_READ_TIMEOUT_MS,
                SchemaRegistryClientConfig.DEFAULT_HTTP_READ_TIMEOUT_MS));
        RegistryAuthorization authorization = RegistryAuthorization.fromConfig(config);
        refuseCredentialsOverHttp(baseUrls, authorization, config);
        this.http = new RegistryHttp(baseUrls, authorization, backoff, client.build(), readTimeout, json);
    }

    private static void refuseCredentialsOverHttp(BaseUrls baseUrls, RegistryAuthorization authorization,
                                                  ConfigReader config) {
        if (config.bool(SchemaRegistryClientConfig.ALLOW_CREDENTIALS_OVER_HTTP,
                SchemaRegistryClientConfig.DEFAULT_ALLOW_CREDENTIALS_OVER_HTTP)) {
            return;
        }
        for (BaseUrls.BaseUrl url : baseUrls.all()) {
            if (HTTP.equalsIgnoreCase(url.uri().getScheme()) && authorization.headerFor(url).isPresent()) {
                throw new ConfigException("Refusing to send schema registry credentials over plain http to "
                        + url.uri() + ": use an https URL, or set " + SchemaRegistryClientConfig.CLIENT_NAMESPACE
                        + SchemaRegistryClientConfig.ALLOW_CREDENTIALS_OVER_HTTP + "=true for a trusted network");
            }
        }
    }

    @Override
    public int register(String subject, Schema schema) {
        return http.send("POST", subjectPath(subject) + "/versions", schemaBody(schema)).path("id").asInt();
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return registeredSchema(http.send("POST", subjectPath(subject), schemaBody(schema)), subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        JsonNode answer = http.send("GET", "/schemas/ids/" + id, null);
        return parseSchema(answer, "schema id " + id);
    }

    @Override
    public RegisteredSchema latest(String subject) {
        return registeredSchema(http.send("GET", subjectPath(subject) + "/versions/" + LATEST_VERSION, null),
                subject, null);
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return registeredSchema(http.send("GET", subjectPath(subject) + "/versions/" + version, null), subject, null);
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        http.send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    @Override
    public List<Integer> versions(String subject) {
        return integers(http.send("GET", subjectPath(subject) + "/versions", null));
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema, String version) {
        JsonNode answer = http.send("POST", "/compatibility" + subjectPath(subject) + "/versions/"
                + encode(version) + "?verbose=true", schemaBody(schema));
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(node -> messages.add(node.asText()));
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        try {
            return level(http.send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null));
        } catch (SchemaRegistryException noOwnLevel) {
            // A registry that ignores defaultToGlobal answers 40408 for a subject without a level of its own.
            if (noOwnLevel.errorCode() == RegistryErrorCode.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED) {
                return globalCompatibility();
            }
            throw noOwnLevel;
        }
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return level(http.send("GET", "/config", null));
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        http.send("PUT", "/config/" + encode(subject), levelBody(level));
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        http.send("PUT", "/config", levelBody(level));
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return integers(http.send("DELETE", subjectPath(subject) + (permanent ? PERMANENT_QUERY : ""), null));
    }

    @Override
    public int deleteVersion(String subject, int version, boolean permanent) {
        return http.send("DELETE", subjectPath(subject) + "/versions/" + version + (permanent ? PERMANENT_QUERY : ""),
                null).asInt();
    }

    private ObjectNode schemaBody(Schema schema) {
        // AVRO is the registry's default type, and Confluent's client leaves schemaType out for it.
        return json.createObjectNode().put(SCHEMA_FIELD, SchemaText.canonical(schema));
    }

    private ObjectNode levelBody(CompatibilityLevel level) {
        return json.createObjectNode().put("compatibility", level.name());
    }

    private static CompatibilityLevel level(JsonNode answer) {
        // GET answers compatibilityLevel, PUT echoes compatibility.
        JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel")
                : answer.path("compatibility");
        return CompatibilityLevel.parse(level.asText(null));
    }

    private static RegisteredSchema registeredSchema(JsonNode answer, String subject, Schema sent) {
        Schema schema = answer.hasNonNull(SCHEMA_FIELD) ? parseSchema(answer, "subject " + subject) : sent;
        if (schema == null) {
            throw new SchemaRegistryException("The registry's answer for subject " + subject + " holds no schema",
                    SchemaRegistryException.HTTP_UNPROCESSABLE_ENTITY, RegistryErrorCode.INVALID_SCHEMA);
        }
        return new RegisteredSchema(answer.path("subject").asText(subject), answer.path("version").asInt(),
                answer.path("id").asInt(), schema);
    }

    private static Schema parseSchema(JsonNode answer, String what) {
        String type = answer.path(SCHEMA_TYPE_FIELD).asText(AVRO_SCHEMA_TYPE);
        if (!AVRO_SCHEMA_TYPE.equalsIgnoreCase(type)) {
            throw new SchemaRegistryException("The schema of " + what + " is of type " + type
                    + "; only AVRO is supported", SchemaRegistryException.HTTP_UNPROCESSABLE_ENTITY,
                    RegistryErrorCode.INVALID_SCHEMA);
        }
        return SchemaText.parse(answer.path(SCHEMA_FIELD).asText());
    }

    private static List<Integer> integers(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asInt()));
        return values;
    }

    private static String subjectPath(String subject) {
        return "/subjects/" + encode(subject);
    }

    /** Percent-encodes a path segment; URLEncoder is for forms, hence the space fix. */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
