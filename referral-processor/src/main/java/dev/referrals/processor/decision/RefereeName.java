package dev.referrals.processor.decision;

import dev.referrals.events.ReferralRequested;
import dev.referrals.processor.ledger.ProfileUrl;
import dev.referrals.schemas.privacy.EmailFingerprint;
import java.util.Locale;
import java.util.Optional;

/**
 * How a request names its referee, in the form the ledger matches: a normalized profile URL, or an email
 * fingerprint.
 *
 * @param kind  which ledger column it is matched against
 * @param value the normalized URL or the fingerprint
 */
public record RefereeName(Kind kind, String value) {

    /** Which ledger column a name is matched against. */
    public enum Kind { PROFILE_URL, EMAIL_FINGERPRINT }

    /**
     * The name the request gives, or empty when it can never match an account: an unknown kind, a blank value, or
     * text that is no URL.
     */
    public static Optional<RefereeName> of(ReferralRequested request) {
        String referee = request.getReferee() == null ? "" : request.getReferee().strip();
        if (referee.isEmpty()) {
            return Optional.empty();
        }
        return switch (request.getRefereeKind()) {
            case PROFILE_URL -> ProfileUrl.parse(referee).map(url -> new RefereeName(Kind.PROFILE_URL, url.value()));
            case EMAIL -> Optional.of(new RefereeName(Kind.EMAIL_FINGERPRINT, fingerprint(referee)));
            default -> Optional.empty();
        };
    }

    /** The contract says the API sends a fingerprint; an address sent by mistake is matched all the same. */
    private static String fingerprint(String referee) {
        return EmailFingerprint.isFingerprint(referee.toLowerCase(Locale.ROOT))
                ? referee.toLowerCase(Locale.ROOT)
                : EmailFingerprint.of(referee);
    }
}
