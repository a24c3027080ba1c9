package dev.referrals.schemas.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret keys that fingerprint email addresses, each under an id, and the current one that new fingerprints
 * are made with. A keyed HMAC-SHA256 rather than a plain hash: a reader of the topic who does not hold the key
 * cannot test a list of candidate addresses against a fingerprint.
 *
 * <p>The address is trimmed and lower-cased first, so that matching ignores case and surrounding spaces, as the
 * marketplace does. Several keys are held so that a key can be rotated (docs/schemas.md, "Email fingerprints").
 * Neither {@link #toString()} nor any exception shows a secret.
 */
public final class EmailFingerprintKeys {

    /** Lower-case letters and digits only, so that a key id survives an environment variable name unchanged. */
    public static final Pattern KEY_ID = Pattern.compile("[a-z0-9]+");

    /** HMAC-SHA256's block is 64 bytes; a secret of fewer than 32 characters is too easy to guess. */
    public static final int MIN_SECRET_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    /**
     * @param currentKeyId the key that new fingerprints are made with; one of {@code secrets}
     * @param secrets      every key id and its secret
     */
    public EmailFingerprintKeys(String currentKeyId, Map<String, String> secrets) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("no email fingerprint key is configured");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        secrets.forEach((keyId, secret) -> {
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException(
                        "email fingerprint key id '" + keyId + "' must match " + KEY_ID.pattern());
            }
            if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
                throw new IllegalArgumentException("the secret of email fingerprint key '" + keyId
                        + "' must have at least " + MIN_SECRET_LENGTH + " characters");
            }
            keys.put(keyId, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        });
        if (currentKeyId == null || !keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current email fingerprint key '" + currentKeyId
                    + "' is not one of the configured keys " + keys.keySet());
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /** The fingerprint of an address under the current key: what the API puts on the topic. */
    public EmailFingerprint current(String email) {
        return new EmailFingerprint(currentKeyId, fingerprint(keys.get(currentKeyId), email));
    }

    /** The fingerprint of an address under the given key, or empty when that key is not configured here. */
    public Optional<EmailFingerprint> under(String keyId, String email) {
        SecretKeySpec key = keyId == null ? null : keys.get(keyId);
        return key == null ? Optional.empty() : Optional.of(new EmailFingerprint(keyId, fingerprint(key, email)));
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    private static String fingerprint(SecretKeySpec key, String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return EmailFingerprint.PREFIX
                    + HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, impossible);
        }
    }

    @Override
    public String toString() {
        return "EmailFingerprintKeys[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }
}
