package dev.referrals.localstack;

/**
 * A piece of the local stack could not start. The message is one line that names what failed, where, and the setting
 * to change, because it is what a developer reads first at the top of a failed build or a crashed launcher.
 */
public class LocalStackStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalStackStartupException(String message) {
        super(oneLine(message));
    }

    public LocalStackStartupException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** Collapses line breaks, so that nested causes cannot turn the message into a stack of lines. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** The innermost cause's message, which is usually the one that says what the operating system refused. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return oneLine(message == null ? root.getClass().getSimpleName() : message);
    }
}
