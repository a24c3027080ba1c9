package dev.referrals.schemas.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials in a text before it reaches a log line, a start-up message or a health answer: the password of
 * a URL's user info ({@code http://user:pass@host} becomes {@code http://user:****@host}, a lone token becomes
 * {@code ****}) and password parameters of a JDBC URL ({@code ?password=...}, {@code &sslpassword=...}).
 */
public final class CredentialRedaction {

    public static final String MASK = "****";

    /** {@code scheme://user-info@}: the user info runs up to the last {@code @} of the authority. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s,]*)@");

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|sslpassword|pwd)=)[^&;\\s]*");

    private CredentialRedaction() {
    }

    /** The text with every credential it shows masked; null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        Matcher userInfo = USER_INFO.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (userInfo.find()) {
            String info = userInfo.group(2);
            int colon = info.indexOf(':');
            String shown = colon < 0 ? MASK : info.substring(0, colon + 1) + MASK;
            userInfo.appendReplacement(masked, Matcher.quoteReplacement(userInfo.group(1) + shown + "@"));
        }
        userInfo.appendTail(masked);
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }
}
