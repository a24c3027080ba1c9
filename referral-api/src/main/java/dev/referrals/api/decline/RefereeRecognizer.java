package dev.referrals.api.decline;

import dev.referrals.api.ReferralApiProperties;
import dev.referrals.events.RefereeKind;
import dev.referrals.schemas.privacy.EmailFingerprint;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Tells what the referrer typed: an account email, or a public profile URL on the marketplace. Only the form is
 * checked: the URL is never fetched, and whether an account matches is the processor's decision (R2).
 *
 * <p>Text with an {@code @} and no scheme is an email. Anything else must be an absolute http(s) URL on one of the
 * configured profile hosts (an optional leading {@code www.}, any case), with no user info, whose path matches the
 * configured pattern. A query or fragment is allowed but dropped: the URL is published normalized, as scheme, host
 * (both in lower case), port if one was typed, and path, so no text but the profile's address travels on a topic.
 * Text over {@code referee.max-length} is refused before it is parsed.
 */
@Component
public class RefereeRecognizer {

    /**
     * A pragmatic address form: a dot-atom local part, then a domain of letter-digit-hyphen labels with a
     * top-level label of two letters or more. It refuses what the marketplace could never have as an account email.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}");

    /** RFC 5321's limit on a forward path. */
    private static final int EMAIL_MAX_LENGTH = 254;

    private static final String WWW = "www.";
    private static final String SCHEME_SEPARATOR = "://";
    private static final List<String> WEB_SCHEMES = List.of("http", "https");

    private final int maxLength;
    private final List<String> profileHosts;
    private final Pattern profilePath;
    private final EmailFingerprintKeys fingerprintKeys;

    public RefereeRecognizer(ReferralApiProperties properties, EmailFingerprintKeys fingerprintKeys) {
        this.maxLength = properties.referee().maxLength();
        this.profileHosts = properties.referee().profileHosts().stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .toList();
        this.profilePath = properties.referee().profilePathPattern();
        this.fingerprintKeys = fingerprintKeys;
    }

    /** A referee, or the reason the text names none. */
    public sealed interface Recognition {
    }

    /** The text names a referee. */
    public record Recognized(Referee referee) implements Recognition {
    }

    /** The text names no referee, for this reason. */
    public record Refused(String reason) implements Recognition {
    }

    public Recognition recognize(String typed) {
        String text = typed.trim();
        if (text.length() > maxLength) {
            return new Refused("must be at most %d characters".formatted(maxLength));
        }
        if (text.contains("@") && !text.contains(SCHEME_SEPARATOR)) {
            return email(text);
        }
        return profileUrl(text);
    }

    private Recognition email(String text) {
        if (text.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(text).matches()) {
            return new Refused("is not a valid email address");
        }
        EmailFingerprint fingerprint = fingerprintKeys.current(text);
        return new Recognized(new Referee(RefereeKind.EMAIL, fingerprint.value(), fingerprint.keyId()));
    }

    private Recognition profileUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException notAUri) {
            return refusedUrl();
        }
        if (uri.getScheme() == null || !WEB_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null) {
            return refusedUrl();
        }
        if (uri.getRawUserInfo() != null || !profileHosts.contains(withoutWww(uri.getHost()))) {
            return new Refused("must be a profile URL on " + String.join(" or ", profileHosts));
        }
        if (uri.getRawPath() == null || !profilePath.matcher(uri.getRawPath()).matches()) {
            return new Refused("must be the URL of a freelancer profile (path like " + profilePath.pattern() + ")");
        }
        return new Recognized(new Referee(RefereeKind.PROFILE_URL, normalized(uri)));
    }

    /** Scheme, host, port and path only: user info is refused above, and query and fragment are dropped. */
    private static String normalized(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme().toLowerCase(Locale.ROOT) + SCHEME_SEPARATOR + uri.getHost().toLowerCase(Locale.ROOT)
                + port + uri.getRawPath();
    }

    private Refused refusedUrl() {
        return new Refused("must be an absolute http(s) profile URL on " + String.join(" or ", profileHosts)
                + ", or an account email address");
    }

    private static String withoutWww(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith(WWW) ? lower.substring(WWW.length()) : lower;
    }
}
