package dev.referrals.platform.deadletter;

import java.util.regex.Pattern;

/**
 * Masks email addresses in text an operator reads, keeping the first character and the domain:
 * {@code a***@example.com}. Enough to tell two dead letters apart and to see which domain failed, not enough to
 * contact anyone.
 */
final class EmailRedaction {

    /** What replaces the rest of the local part. */
    static final String MASK = "***";

    // Local parts as people and marketplaces write them (RFC 5322's dot-atom); a domain of at least two labels.
    private static final Pattern EMAIL = Pattern.compile(
            "([A-Za-z0-9!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    private EmailRedaction() {
    }

    /** The text with every email address masked; null stays null. */
    static String apply(String text) {
        return text == null ? null : EMAIL.matcher(text).replaceAll("$1" + MASK + "@$2");
    }
}
