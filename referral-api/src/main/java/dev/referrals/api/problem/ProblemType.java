package dev.referrals.api.problem;

import java.net.URI;

/**
 * The {@code type} of every problem this API answers with, so that a caller can tell problems apart without
 * parsing their text. The URNs are stable: they are part of the API.
 */
public enum ProblemType {

    INVALID_REQUEST("invalid-request", "Invalid request"),
    NOT_FOUND("not-found", "Not found"),
    REQUEST_TOO_LARGE("request-too-large", "Request too large"),
    /** The same URN as the 403s of the security filter chain, so a caller sees one kind of 403. */
    FORBIDDEN("forbidden", "Forbidden"),
    RATE_LIMITED("rate-limited", "Too many requests"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency-Key reused with another request"),
    IDEMPOTENCY_KEY_IN_FLIGHT("idempotency-key-in-flight", "Request with this Idempotency-Key still in flight"),
    PUBLISHING_UNAVAILABLE("publishing-unavailable", "Kafka unavailable"),
    PUBLISHING_OUTCOME_UNKNOWN("publishing-outcome-unknown", "Kafka did not confirm the decline"),
    DATABASE_UNAVAILABLE("database-unavailable", "Database unavailable"),
    INTERNAL_ERROR("internal-error", "Internal error");

    private static final String URN_PREFIX = "urn:referrals:problem:";

    private final URI uri;
    private final String title;

    ProblemType(String name, String title) {
        this.uri = URI.create(URN_PREFIX + name);
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }
}
