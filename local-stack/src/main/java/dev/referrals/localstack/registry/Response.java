package dev.referrals.localstack.registry;

/**
 * An endpoint's answer: a status and either an object to render as JSON or, for the {@code /schema} endpoints,
 * JSON text to send as it is.
 */
record Response(int status, Object body, String rawJson) {

    static final int OK = 200;

    static Response ok(Object body) {
        return new Response(OK, body, null);
    }

    static Response rawJson(String json) {
        return new Response(OK, null, json);
    }
}
