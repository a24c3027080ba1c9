package dev.referrals.worker.email;

import java.util.regex.Pattern;

/**
 * User text that goes into a mail header (the subject, a display name). A header is not HTML, so escaping does not
 * apply; what matters is that it stays one line: a line break inside it would end the header and let the rest of the
 * text be read as headers of its own (header injection).
 */
final class HeaderText {

    /** Control characters, line and paragraph separators, and any other white space. */
    private static final Pattern BREAKS_AND_SPACES = Pattern.compile("[\\p{Cntrl}\\p{Z}\\s]+");

    private HeaderText() {
    }

    /** The text on one line, each run of white space or control characters as one space, trimmed. */
    static String oneLine(String text) {
        return BREAKS_AND_SPACES.matcher(text).replaceAll(" ").trim();
    }
}
