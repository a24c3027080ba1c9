package dev.referrals.platform.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one-line reason a record was dead-lettered, in a header of its own.
 *
 * <p>Spring Kafka's {@code kafka_dlt-exception-message} holds the outermost message, which for an unreadable record
 * is only "failed to deserialize" and for a failing listener names the listener method. The innermost cause is what
 * an operator needs: for example {@code MALFORMED_FRAME: topic 'x' ...} or the listener's own exception.
 */
public final class DeadLetterReason {

    /** The header that holds the reason. */
    public static final String HEADER = "referrals-dlt-reason";

    private DeadLetterReason() {
    }

    static Headers headers(Exception failure) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, describe(failure).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** The innermost cause, as {@code SimpleName: message} on one line. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\s*\\R\\s*", " ");
        return root.getClass().getSimpleName() + ": " + message;
    }
}
