package dev.referrals.localstack.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Map;

/** One HTTP request as an endpoint sees it: decoded path parameters, query parameters and the raw body. */
record Request(Map<String, String> pathParams, Map<String, String> query, byte[] body, ObjectMapper json) {

    String path(String name) {
        return pathParams.get(name);
    }

    String query(String name) {
        return query.get(name);
    }

    /** A boolean query parameter such as {@code ?deleted=true}; absent means false. */
    boolean flag(String name) {
        return Boolean.parseBoolean(query.get(name));
    }

    /** The body as a JSON object; an empty body is an empty object. */
    JsonNode jsonBody() {
        if (body.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw RegistryException.unprocessableBody("The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RegistryException.malformedJson(e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryException.malformedJson(e.getMessage());
        }
    }

    /** The body's schema as Confluent's register, lookup and compatibility calls send it. */
    SchemaDefinition schemaBody() {
        JsonNode body = jsonBody();
        JsonNode schema = body.get("schema");
        JsonNode schemaType = body.get("schemaType");
        JsonNode references = body.get("references");
        return SchemaDefinition.parse(
                schema == null || schema.isNull() ? null : schema.asText(),
                schemaType == null || schemaType.isNull() ? null : schemaType.asText(),
                references == null || !references.isArray() ? 0 : references.size());
    }
}
