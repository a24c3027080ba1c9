package dev.referrals.localstack.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /subjects/...}: register, look up, list, read and delete versions of a subject. */
final class SubjectEndpoints {

    private final SchemaRegistry registry;

    SubjectEndpoints(SchemaRegistry registry) {
        this.registry = registry;
    }

    void addTo(Router router) {
        router.add("GET", "/subjects", this::subjects)
                .add("POST", "/subjects/{subject}", this::lookup)
                .add("DELETE", "/subjects/{subject}", this::deleteSubject)
                .add("GET", "/subjects/{subject}/versions", this::versions)
                .add("POST", "/subjects/{subject}/versions", this::register)
                .add("GET", "/subjects/{subject}/versions/{version}", this::version)
                .add("DELETE", "/subjects/{subject}/versions/{version}", this::deleteVersion)
                .add("GET", "/subjects/{subject}/versions/{version}/schema", this::rawSchema);
    }

    private Response subjects(Request request) {
        return Response.ok(registry.subjects(request.flag("deleted"), request.query("subjectPrefix")));
    }

    private Response register(Request request) {
        SchemaDefinition schema = request.schemaBody();
        int requestedId = request.jsonBody().path("id").asInt(0);
        // Confluent only honours a chosen id in IMPORT mode, which this registry does not offer; an id the schema
        // already has is harmless, anything else would silently answer a different id than asked for.
        if (requestedId > 0 && !registry.existingId(schema).equals(Optional.of(requestedId))) {
            throw RegistryException.operationNotPermitted("Registering a schema under a chosen id (" + requestedId
                    + ") needs IMPORT mode, which this registry does not offer; leave out 'id'");
        }
        return Response.ok(Map.of("id", registry.register(request.path("subject"), schema)));
    }

    private Response lookup(Request request) {
        SchemaDefinition schema = request.schemaBody();
        return Response.ok(versionJson(registry.lookup(request.path("subject"), schema, request.flag("deleted"))));
    }

    private Response versions(Request request) {
        return Response.ok(registry.versionNumbers(request.path("subject"), request.flag("deleted")));
    }

    private Response version(Request request) {
        VersionRef ref = VersionRef.parse(request.path("version"));
        return Response.ok(versionJson(registry.version(request.path("subject"), ref, request.flag("deleted"))));
    }

    private Response rawSchema(Request request) {
        VersionRef ref = VersionRef.parse(request.path("version"));
        return Response.rawJson(registry.version(request.path("subject"), ref, request.flag("deleted")).schema());
    }

    private Response deleteSubject(Request request) {
        return Response.ok(registry.deleteSubject(request.path("subject"), request.flag("permanent")));
    }

    private Response deleteVersion(Request request) {
        VersionRef ref = VersionRef.parse(request.path("version"));
        return Response.ok(registry.deleteVersion(request.path("subject"), ref, request.flag("permanent")));
    }

    /** Confluent's Schema entity, fields in its order; schemaType is left out for AVRO as Confluent does. */
    static Map<String, Object> versionJson(StoredVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", version.subject());
        json.put("version", version.version());
        json.put("id", version.id());
        json.put("schema", version.schema());
        return json;
    }
}
