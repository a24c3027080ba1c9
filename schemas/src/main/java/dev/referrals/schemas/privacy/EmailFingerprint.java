package dev.referrals.schemas.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How an email address appears in a {@code referrals.*} event: never as itself, only as a fingerprint that the
 * processor can match against the accounts it knows.
 *
 * <p>The address is trimmed and lower-cased first, so that matching ignores case and surrounding spaces, as the
 * marketplace does. The fingerprint is {@code sha256:} and the lower-case hex SHA-256 of the UTF-8 bytes.
 */
public final class EmailFingerprint {

    /** Marks a referee that is a fingerprint rather than a URL. */
    public static final String PREFIX = "sha256:";

    private static final String ALGORITHM = "SHA-256";

    private EmailFingerprint() {
    }

    public static String of(String email) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance(ALGORITHM).digest(normalized.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, impossible);
        }
    }

    public static boolean isFingerprint(String value) {
        return value.startsWith(PREFIX);
    }
}
