package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.referrals.schemas.registry.CompatibilityLevel;
import dev.referrals.schemas.registry.CompatibilityResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /config} and {@code /compatibility}: compatibility levels, and checking a schema against them; also
 * {@code GET /mode}, always READWRITE.
 */
final class ConfigEndpoints {

    private static final String READWRITE = "READWRITE";

    private final SchemaRegistry registry;

    ConfigEndpoints(SchemaRegistry registry) {
        this.registry = registry;
    }

    void addTo(Router router) {
        router.add("GET", "/config", request -> levelJson(registry.globalLevel()))
                .add("PUT", "/config", request -> setLevel(request, null))
                .add("DELETE", "/config", request -> levelJson(registry.clearGlobalLevel()))
                // Modes (READONLY, IMPORT) are not offered; tools that ask are told the registry takes writes.
                .add("GET", "/mode", request -> Response.ok(Map.of("mode", READWRITE)))
                .add("GET", "/config/{subject}", this::subjectLevel)
                .add("PUT", "/config/{subject}", request -> setLevel(request, request.path("subject")))
                .add("DELETE", "/config/{subject}",
                        request -> levelJson(registry.clearSubjectLevel(request.path("subject"))))
                .add("POST", "/compatibility/subjects/{subject}/versions", request -> check(request, null))
                .add("POST", "/compatibility/subjects/{subject}/versions/{version}",
                        request -> check(request, VersionRef.parse(request.path("version"))));
    }

    private Response subjectLevel(Request request) {
        String subject = request.path("subject");
        return registry.subjectLevel(subject)
                .or(() -> request.flag("defaultToGlobal")
                        ? Optional.of(registry.globalLevel())
                        : Optional.empty())
                .map(ConfigEndpoints::levelJson)
                .orElseThrow(() -> RegistryException.subjectCompatibilityNotConfigured(subject));
    }

    private Response setLevel(Request request, String subjectOrNull) {
        JsonNode requested = request.jsonBody().get("compatibility");
        CompatibilityLevel level = CompatibilityLevel.named(requested == null ? null : requested.asText())
                .orElseThrow(RegistryException::invalidCompatibilityLevel);
        registry.setLevel(subjectOrNull, level);
        return Response.ok(Map.of("compatibility", level.name()));
    }

    private Response check(Request request, VersionRef ref) {
        SchemaDefinition schema = request.schemaBody();
        CompatibilityResult result = registry.checkCompatibility(request.path("subject"), ref, schema);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("is_compatible", result.isCompatible());
        if (request.flag("verbose")) {
            json.put("messages", result.messages());
        }
        return Response.ok(json);
    }

    private static Response levelJson(CompatibilityLevel level) {
        return Response.ok(Map.of("compatibilityLevel", level.name()));
    }
}
