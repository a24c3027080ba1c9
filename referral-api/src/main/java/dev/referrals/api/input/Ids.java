package dev.referrals.api.input;

import dev.referrals.api.problem.FieldViolation;
import java.util.List;
import java.util.Optional;

/**
 * The one format of every id the API takes, in a path or in a body (invitationId, jobId, clientId, freelancerId,
 * requestId, account ids): 1 to {@value #MAX_LENGTH} characters (code points), each printable, with no whitespace
 * and no control or format characters. So an id never breaks a log line, a SQL parameter or a Kafka key: NUL, CR/LF,
 * the escape that starts an ANSI sequence, bidi overrides and lone surrogates are all refused. The module's README
 * documents it ("Input").
 */
public final class Ids {

    /** Longest id, in characters: upstream ids are UUIDs or short opaque strings, far below it. */
    public static final int MAX_LENGTH = 128;

    /** What a caller is told when an id is not one. */
    public static final String FORMAT = "must be an id: 1 to " + MAX_LENGTH
            + " printable characters, without whitespace or control characters";

    private Ids() {
    }

    /** Why this text is not an id, or empty when it is one. */
    public static Optional<String> problem(String id) {
        if (id == null) {
            return Optional.of("is required");
        }
        if (id.isEmpty() || id.codePointCount(0, id.length()) > MAX_LENGTH
                || !id.codePoints().allMatch(Ids::allowed)) {
            return Optional.of(FORMAT);
        }
        return Optional.empty();
    }

    /** Adds a violation naming {@code field} when {@code id} is not an id. */
    public static void check(String field, String id, List<FieldViolation> violations) {
        problem(id).ifPresent(message -> violations.add(new FieldViolation(field, message)));
    }

    private static boolean allowed(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
