package dev.referrals.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same request" under one Idempotency-Key: the SHA-256 of the method, the path and the
 * canonical body. The canonical body is the parsed request written back as JSON, so that spacing and the order of
 * properties do not matter.
 */
public final class RequestFingerprint {

    private static final String ALGORITHM = "SHA-256";

    private RequestFingerprint() {
    }

    public static String of(String method, String path, String canonicalBody) {
        try {
            MessageDigest digest = MessageDigest.getInstance(ALGORITHM);
            digest.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            digest.update(canonicalBody.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, impossible);
        }
    }
}
