package dev.referrals.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry call over HTTP as Confluent's client makes it: Confluent's media types, the configured
 * {@code Authorization}, fail-over across the base URLs, and bounded retries with backoff on 5xx and connection
 * failures. A 4xx is the registry's final word and is never repeated.
 */
final class RegistryHttp {

    /** Confluent's own content type for request bodies. */
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** The Accept header Confluent's Java client sends: the v1 type first, plain JSON as a last resort. */
    static final String ACCEPT = "application/vnd.schemaregistry.v1+json, "
            + "application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);
    private static final int FIRST_SUCCESS = 200;
    private static final int FIRST_NON_SUCCESS = 300;
    private static final String ERROR_CODE_FIELD = "error_code";
    private static final String MESSAGE_FIELD = "message";
    /** Enough of a non-JSON error page to recognise it in a log line. */
    private static final int MAX_BODY_IN_MESSAGE = 200;

    private final BaseUrls baseUrls;
    private final RegistryAuthorization authorization;
    private final RetryBackoff backoff;
    private final HttpClient http;
    private final Duration readTimeout;
    private final ObjectMapper json;

    RegistryHttp(BaseUrls baseUrls, RegistryAuthorization authorization, RetryBackoff backoff, HttpClient http,
            Duration readTimeout, ObjectMapper json) {
        this.baseUrls = baseUrls;
        this.authorization = authorization;
        this.backoff = backoff;
        this.http = http;
        this.readTimeout = readTimeout;
        this.json = json;
    }

    /**
     * Sends the request and returns the parsed JSON answer.
     *
     * @param body the JSON body, or null for none
     * @throws SchemaRegistryException with the registry's status and error code, or {@link
     *                                 SchemaRegistryException#noResponse} after every attempt failed to connect
     */
    JsonNode send(String method, String pathAndQuery, JsonNode body) {
        SchemaRegistryException lastFailure = null;
        for (int attempt = 0; attempt <= backoff.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(backoff.delayBefore(attempt), lastFailure);
            }
            for (BaseUrls.BaseUrl url : baseUrls.inFailoverOrder()) {
                try {
                    return sendOnce(url, method, pathAndQuery, body);
                } catch (SchemaRegistryException failure) {
                    if (!failure.isRetriable() || Thread.currentThread().isInterrupted()) {
                        throw failure;
                    }
                    log.debug("Registry call {} {} on {} failed, trying the next URL or retrying: {}", method,
                            pathAndQuery, url.uri(), failure.getMessage());
                    lastFailure = failure;
                    baseUrls.failed(url);
                }
            }
        }
        throw lastFailure;
    }

    private JsonNode sendOnce(BaseUrls.BaseUrl url, String method, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(pathAndQuery))
                .timeout(readTimeout)
                .header("Accept", ACCEPT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        authorization.headerFor(url).ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            throw SchemaRegistryException.noResponse(
                    method + " " + url.uri() + pathAndQuery + " got no answer: " + unreachable, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw SchemaRegistryException.noResponse(
                    method + " " + url.uri() + pathAndQuery + " was interrupted", interrupted);
        }
        int status = response.statusCode();
        if (status >= FIRST_SUCCESS && status < FIRST_NON_SUCCESS) {
            return parseSuccess(response.body(), method, pathAndQuery, status);
        }
        throw error(status, response.body());
    }

    private JsonNode parseSuccess(String body, String method, String pathAndQuery, int status) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            throw new SchemaRegistryException(method + " " + pathAndQuery + " answered " + status
                    + " with a body that is not JSON: " + notJson.getMessage(), status,
                    RegistryErrorCode.UNPARSEABLE_ERROR_BODY, notJson);
        }
    }

    /** Reads Confluent's error body; anything else (a proxy's HTML page) keeps its status under code 50005. */
    private SchemaRegistryException error(int status, String body) {
        Optional<JsonNode> parsed = Optional.empty();
        try {
            parsed = Optional.ofNullable(body == null || body.isBlank() ? null : json.readTree(body));
        } catch (IOException notJson) {
            // handled below like a missing body, keeping the status
        }
        JsonNode errorCode = parsed.map(node -> node.get(ERROR_CODE_FIELD)).orElse(null);
        if (errorCode != null && errorCode.canConvertToInt()) {
            String message = parsed.map(node -> node.path(MESSAGE_FIELD).asText("")).orElse("");
            return new SchemaRegistryException(message, status, errorCode.asInt());
        }
        return new SchemaRegistryException("HTTP " + status + " without a registry error body: " + abbreviate(body),
                status, RegistryErrorCode.UNPARSEABLE_ERROR_BODY);
    }

    private static void pause(Duration delay, SchemaRegistryException lastFailure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw lastFailure;
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_BODY_IN_MESSAGE ? body : body.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
