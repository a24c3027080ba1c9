package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.processor.ledger.ProfileUrl;
import dev.referrals.schemas.privacy.EmailFingerprint;
import java.util.Locale;
import java.util.Optional;

/**
 * How a request names its referee, in the form the ledger matches: a normalized profile URL, or an email
 * fingerprint under the key the request names.
 *
 * @param kind  which ledger column it is matched against
 * @param keyId for an email fingerprint, the id of the key it was made with; null for a URL
 * @param value the normalized URL or the fingerprint
 */
public record RefereeName(Kind kind, String keyId, String value) {

    /** Which ledger column a name is matched against. */
    public enum Kind { PROFILE_URL, EMAIL_FINGERPRINT }

    /** A name without a key: a profile URL. */
    public RefereeName(Kind kind, String value) {
        this(kind, null, value);
    }

    public static RefereeName profileUrl(String normalizedUrl) {
        return new RefereeName(Kind.PROFILE_URL, null, normalizedUrl);
    }

    public static RefereeName emailFingerprint(String keyId, String fingerprint) {
        return new RefereeName(Kind.EMAIL_FINGERPRINT, keyId, fingerprint);
    }

    /**
     * The name the request gives, or empty when it can never match an account: an unknown kind, a blank value,
     * text that is no URL, or an email that is not a keyed fingerprint with its key id (an event from before key
     * ids, whose plain SHA-256 the ledger no longer holds, or an address sent against the contract).
     */
    public static Optional<RefereeName> of(ReferralRequested request) {
        String referee = request.getReferee() == null ? "" : request.getReferee().strip();
        if (referee.isEmpty()) {
            return Optional.empty();
        }
        return switch (request.getRefereeKind()) {
            case PROFILE_URL -> ProfileUrl.parse(referee).map(url -> profileUrl(url.value()));
            case EMAIL -> fingerprint(request.getRefereeFingerprintKeyId(), referee.toLowerCase(Locale.ROOT));
            default -> Optional.empty();
        };
    }

    private static Optional<RefereeName> fingerprint(String keyId, String referee) {
        if (keyId == null || keyId.isBlank() || !EmailFingerprint.isFingerprint(referee)) {
            return Optional.empty();
        }
        return Optional.of(emailFingerprint(keyId, referee));
    }
}
