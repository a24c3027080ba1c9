package dev.referrals.localstack;

import java.util.Map;

/**
 * The email fingerprint key of the local stack. Services have no default key, so the local run and the tests pass
 * this one. It is public, in this file, and must never be configured anywhere else.
 */
public final class LocalFingerprintKey {

    public static final String CURRENT_KEY_PROPERTY = "referrals.privacy.email-fingerprint.current-key";
    public static final String KEYS_PROPERTY_PREFIX = "referrals.privacy.email-fingerprint.keys.";
    public static final String KEY_ID = "local";
    public static final String SECRET = "local-stack-only-email-fingerprint-secret-not-a-secret";

    private LocalFingerprintKey() {
    }

    /** The Spring properties that configure this key as the only and current one. */
    public static Map<String, String> properties() {
        return Map.of(CURRENT_KEY_PROPERTY, KEY_ID, KEYS_PROPERTY_PREFIX + KEY_ID, SECRET);
    }
}
