package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP edge: decodes the request, checks its media type, routes it, and renders the answer or the failure as
 * Confluent does ({@code application/vnd.schemaregistry.v1+json}, errors as {@code {"error_code","message"}}).
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** The request media types Confluent's REST layer accepts. */
    static final Set<String> ACCEPTED_TYPES = Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");
    private static final int INTERNAL_ERROR = 500;
    private static final int NO_BODY = -1;

    private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);

    private final Router router;
    private final ObjectMapper json;

    RegistryHttpHandler(Router router, ObjectMapper json) {
        this.router = router;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = route(exchange);
            } catch (RegistryException e) {
                response = error(e.httpStatus(), e.errorCode(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("Unexpected failure answering {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI(), e);
                response = error(INTERNAL_ERROR, INTERNAL_ERROR, "Internal Server Error: " + e.getMessage());
            }
            byte[] body = response.rawJson() != null
                    ? response.rawJson().getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? NO_BODY : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Response route(HttpExchange exchange) throws IOException {
        Router.Match match = router.match(exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length > 0) {
            checkMediaType(exchange.getRequestHeaders().getFirst("Content-Type"));
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        return match.endpoint().handle(new Request(match.pathParams(), query, body, json));
    }

    private static void checkMediaType(String contentType) {
        if (contentType == null) {
            return;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.isEmpty() && !ACCEPTED_TYPES.contains(mediaType)) {
            throw RegistryException.unsupportedMediaType(contentType);
        }
    }

    private static List<String> segments(String rawPath) {
        return Arrays.stream(rawPath.split("/"))
                .filter(segment -> !segment.isEmpty())
                .map(RegistryHttpHandler::decodePathSegment)
                .toList();
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.putIfAbsent(decodeQueryPart(nameAndValue[0]),
                    nameAndValue.length > 1 ? decodeQueryPart(nameAndValue[1]) : "");
        }
        return query;
    }

    /** Percent-decoding only: a '+' in a subject name stays a '+'. */
    private static String decodePathSegment(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            throw RegistryException.httpNotFound();
        }
    }

    private static String decodeQueryPart(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return raw;
        }
    }

    private static Response error(int status, int errorCode, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        return new Response(status, body, null);
    }
}
