package dev.referrals.api.idempotency;

/**
 * The first answer given under an Idempotency-Key, replayed as it was to every retry with the same request.
 *
 * @param status   the HTTP status
 * @param body     the JSON body, byte for byte
 * @param location the Location header, or {@code null}
 */
public record StoredResponse(int status, String body, String location) {
}
