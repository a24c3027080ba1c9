package dev.referrals.schemas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Kafka headers the pipeline adds to its own events, beside W3C's {@code traceparent}. They carry operational facts,
 * never business data: a consumer must work the same without them.
 */
public final class EventHeaders {

    /**
     * On a ReferralCreated: the {@code requestedAt} of the request it answers, in epoch milliseconds as decimal text,
     * so the worker can measure end-to-end latency, from the HTTP call to the email, without a schema change.
     */
    public static final String REQUESTED_AT = "referrals-requested-at";

    private EventHeaders() {
    }

    public static byte[] encodeInstant(Instant instant) {
        return Long.toString(instant.toEpochMilli()).getBytes(StandardCharsets.UTF_8);
    }

    /** The instant in a header value, or empty when it is absent or not a number. */
    public static Optional<Instant> decodeInstant(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(new String(value, StandardCharsets.UTF_8).trim())));
        } catch (NumberFormatException notAnInstant) {
            return Optional.empty();
        }
    }
}
