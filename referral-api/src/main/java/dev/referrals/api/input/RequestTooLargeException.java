package dev.referrals.api.input;

import dev.referrals.api.problem.ProblemException;
import dev.referrals.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** The body is larger than {@code referrals.api.max-body-size}: answered 413, and nothing was read past the limit. */
public class RequestTooLargeException extends ProblemException {

    static final String BODY = "body";

    RequestTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, ProblemType.REQUEST_TOO_LARGE,
                "must be at most %d bytes".formatted(maxBytes), BODY, null);
    }
}
