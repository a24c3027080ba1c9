package dev.referrals.api.input;

import dev.referrals.api.problem.FieldViolation;
import java.util.List;

/**
 * What free text a caller writes (the referral message, the reason text) may contain: anything printable, line
 * breaks (LF, or CR LF as a browser sends a text area) and tabs, but no other control character (NUL, a lone CR,
 * ESC, DEL, the C1 controls) and no lone surrogate. PostgreSQL refuses NUL in text, and the rest could forge log
 * lines or terminal output where the text is shown.
 */
public final class FreeText {

    static final String REFUSED = "must not contain control characters other than line breaks and tabs";

    private FreeText() {
    }

    /** Adds a violation naming {@code field} when {@code text} holds a refused character; null is fine. */
    public static void check(String field, String text, List<FieldViolation> violations) {
        if (text != null && !allowed(text)) {
            violations.add(new FieldViolation(field, REFUSED));
        }
    }

    static boolean allowed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    return false;
                }
            } else if (c != '\n' && c != '\t' && Character.isISOControl(c)) {
                return false;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
