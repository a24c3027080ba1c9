package dev.referrals.processor.decision;

/**
 * A request names its referee by a fingerprint made with a key this processor is not configured with. Deciding it
 * would reject a referee who may well exist, so it is not decided: after the platform's retries it goes to the
 * dead-letter topic, to be redriven once the key is configured (docs/schemas.md, "Email fingerprints").
 */
class UnknownFingerprintKeyException extends RuntimeException {

    UnknownFingerprintKeyException(String requestId, String keyId) {
        super("request " + requestId + " names its referee by a fingerprint under key '" + keyId
                + "', which referrals.privacy.email-fingerprint.keys does not hold");
    }
}
