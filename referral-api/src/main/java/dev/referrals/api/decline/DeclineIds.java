package dev.referrals.api.decline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids a decline publishes: the InviteDeclined's eventId and, with a referral, the ReferralRequested's requestId.
 *
 * <p>With an Idempotency-Key the ids derive from the key and the request's fingerprint. If Kafka committed but the
 * database did not (a crash between the two), the caller's retry publishes the same ids again and consumers, which
 * dedupe by id, see one decline and one request.
 *
 * @param requestId {@code null} without a referral
 */
public record DeclineIds(String eventId, String requestId) {

    private static final String EVENT_NAMESPACE = "invite-declined:";
    private static final String REQUEST_NAMESPACE = "referral-requested:";

    public static DeclineIds random(boolean withReferral) {
        return new DeclineIds(UUID.randomUUID().toString(), withReferral ? UUID.randomUUID().toString() : null);
    }

    /** The same key and fingerprint always give the same ids (name-based UUIDs, version 3). */
    public static DeclineIds derived(String idempotencyKey, String requestFingerprint, boolean withReferral) {
        String name = idempotencyKey + "\n" + requestFingerprint;
        return new DeclineIds(nameBased(EVENT_NAMESPACE + name),
                withReferral ? nameBased(REQUEST_NAMESPACE + name) : null);
    }

    private static String nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
