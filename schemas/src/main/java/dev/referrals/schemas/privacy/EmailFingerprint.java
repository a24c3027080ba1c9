package dev.referrals.schemas.privacy;

import java.util.Objects;

/**
 * How an email address appears in a {@code referrals.*} event: never as itself, only as a keyed fingerprint that
 * the processor can match against the accounts it knows, with the id of the key that made it.
 *
 * @param keyId the id of the {@link EmailFingerprintKeys key} that made the fingerprint
 * @param value {@value #PREFIX} and the lower-case hex HMAC-SHA256 of the normalized address under that key
 */
public record EmailFingerprint(String keyId, String value) {

    /** Marks a referee that is a fingerprint rather than a URL. */
    public static final String PREFIX = "hmac-sha256:";

    public EmailFingerprint {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(value, "value");
    }

    public static boolean isFingerprint(String value) {
        return value.startsWith(PREFIX);
    }
}
