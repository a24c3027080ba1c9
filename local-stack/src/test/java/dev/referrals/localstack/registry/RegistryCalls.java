package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP calls to a registry, as a client other than ours would make them: JSON text in, status and JSON out. */
final class RegistryCalls {

    static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: its status, its Content-Type and its body. */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String baseUrl;

    RegistryCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A JSON body carrying the schema text the way Confluent's clients send it. */
    static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    /** A register body that also names the id the caller wants, as Confluent's IMPORT mode takes it. */
    static String schemaBodyWithId(String schema, int id) {
        return JSON.createObjectNode().put("schema", schema).put("id", id).toString();
    }

    Reply get(String path) {
        return send("GET", path, null, CONFLUENT_JSON);
    }

    Reply post(String path, String body) {
        return send("POST", path, body, CONFLUENT_JSON);
    }

    Reply put(String path, String body) {
        return send("PUT", path, body, CONFLUENT_JSON);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, CONFLUENT_JSON);
    }

    Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Accept", CONFLUENT_JSON)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
