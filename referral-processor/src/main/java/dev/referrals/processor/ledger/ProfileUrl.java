package dev.referrals.processor.ledger;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile URL in the one form the ledger stores and matches, so that the ways people copy a link all name the
 * same freelancer: scheme and host in lower case, {@code http} and {@code https} alike (a missing scheme too), no
 * leading {@code www.}, no default port, no user info, no query, no fragment, no trailing slash. The path keeps its
 * case: upstream profile paths may be case-sensitive.
 */
public final class ProfileUrl {

    private static final String CANONICAL_SCHEME = "https://";
    private static final String SCHEME_SEPARATOR = "://";
    private static final String WWW = "www.";

    private final String value;

    private ProfileUrl(String value) {
        this.value = value;
    }

    /** The normalized form of a URL as typed, or empty when it names no host. */
    public static Optional<ProfileUrl> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String rest = typed.strip();
        int schemeEnd = rest.indexOf(SCHEME_SEPARATOR);
        if (schemeEnd >= 0) {
            String scheme = rest.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            rest = rest.substring(schemeEnd + SCHEME_SEPARATOR.length());
        }
        rest = cutAtFirst(rest, '?', '#');
        int pathStart = rest.indexOf('/');
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 ? "" : stripTrailingSlashes(rest.substring(pathStart));
        String host = host(authority);
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(new ProfileUrl(CANONICAL_SCHEME + host + path));
    }

    /** The normalized URL, as stored in the ledger. */
    public String value() {
        return value;
    }

    private static String host(String authority) {
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (hostAndPort.endsWith(":80") || hostAndPort.endsWith(":443")) {
            hostAndPort = hostAndPort.substring(0, hostAndPort.lastIndexOf(':'));
        }
        if (hostAndPort.endsWith(".")) {
            hostAndPort = hostAndPort.substring(0, hostAndPort.length() - 1);
        }
        return hostAndPort.startsWith(WWW) ? hostAndPort.substring(WWW.length()) : hostAndPort;
    }

    private static String cutAtFirst(String text, char... stops) {
        int end = text.length();
        for (char stop : stops) {
            int at = text.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return text.substring(0, end);
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProfileUrl that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
