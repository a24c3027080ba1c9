package dev.referrals.worker.email;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The Message-ID of one email of one referral, {@code <referralId.role@domain>}: the same referral and role always
 * give the same id, so a repeated send (a crash between sending and recording, a redrive) is recognisable as the
 * same message by every mail system on the way.
 *
 * @param value the header value, angle brackets included
 */
public record MessageId(String value) {

    /** A domain is dot-separated labels of letters, digits and hyphens, as RFC 5322 needs on the right of the @. */
    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    public static MessageId of(String referralId, Role role, String domain) {
        requireValidDomain(domain);
        return new MessageId("<" + atom(referralId) + "." + role.tag() + "@" + domain + ">");
    }

    public static void requireValidDomain(String domain) {
        if (domain == null || !DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("not a Message-ID domain: '" + domain + "'");
        }
    }

    /**
     * Ids are UUIDs in practice; anything outside letters, digits, '-' and '_' is percent-encoded, so that every id
     * gives a valid and distinct left-hand side ('%' itself is encoded too).
     */
    private static String atom(String id) {
        StringBuilder atom = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                atom.append(c);
            } else {
                atom.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return atom.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
