package dev.referrals.localrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The end-to-end test's view of the API: JSON over HTTP, as a client of the pipeline sends it. */
final class PipelineClient {

    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Answer> declines = new ConcurrentHashMap<>();

    /** @param token the bearer token of every request, from the local authorization server */
    PipelineClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** A decline's answer, with what was sent, so that it can be sent again. */
    record Answer(int status, JsonNode json, HttpResponse<String> response, String idempotencyKey, String body) {
        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }

    Answer decline(String invitationId, String idempotencyKey, String body, String traceId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/invitations/" + invitationId + "/decline"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceId != null) {
            request.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        }
        HttpResponse<String> response = send(request);
        return new Answer(response.statusCode(), parse(response.body()), response, idempotencyKey, body);
    }

    void remember(String name, Answer answer) {
        declines.put(name, answer);
    }

    Answer lastDecline(String name) {
        return declines.get(name);
    }

    JsonNode get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)));
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /** The body of a GET of an absolute URL, for another service's endpoints. */
    String text(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))).body();
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body.isEmpty() ? mapper.createObjectNode() : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
