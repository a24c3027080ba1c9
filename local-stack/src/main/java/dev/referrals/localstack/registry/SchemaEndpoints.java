package dev.referrals.localstack.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /schemas/...}: schemas by their global id, and the schema types this registry speaks. */
final class SchemaEndpoints {

    private final SchemaRegistry registry;

    SchemaEndpoints(SchemaRegistry registry) {
        this.registry = registry;
    }

    void addTo(Router router) {
        router.add("GET", "/schemas/types", request -> Response.ok(List.of(SchemaDefinition.AVRO)))
                .add("GET", "/schemas/ids/{id}", this::byId)
                .add("GET", "/schemas/ids/{id}/schema", this::rawById)
                .add("GET", "/schemas/ids/{id}/versions", this::versionsOfId)
                .add("GET", "/schemas/ids/{id}/subjects", this::subjectsOfId);
    }

    /** {@code ?subject=} is accepted for Confluent's clients; ids are global here, so it does not narrow. */
    private Response byId(Request request) {
        return Response.ok(Map.of("schema", registry.schemaById(id(request))));
    }

    private Response rawById(Request request) {
        return Response.rawJson(registry.schemaById(id(request)));
    }

    private Response versionsOfId(Request request) {
        return Response.ok(registry.versionsWithId(id(request), request.flag("deleted")).stream()
                .map(version -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("subject", version.subject());
                    json.put("version", version.version());
                    return json;
                })
                .toList());
    }

    private Response subjectsOfId(Request request) {
        return Response.ok(registry.versionsWithId(id(request), request.flag("deleted")).stream()
                .map(StoredVersion::subject)
                .distinct()
                .toList());
    }

    private static int id(Request request) {
        String text = request.path("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // Jersey rejects a non-numeric int path parameter as an unknown resource.
            throw RegistryException.httpNotFound();
        }
    }
}
