package dev.referrals.api.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal that {@link ApiProblems} answers as a problem of its {@link ProblemType}, with the exception's message
 * as the detail, and naming {@code field} in {@code errors} when the problem is about one input.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final ProblemType type;
    private final String field;

    protected ProblemException(HttpStatus status, ProblemType type, String detail, String field, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    /** The input the problem is about, or {@code null}. */
    public String field() {
        return field;
    }

    /** Headers the answer carries besides the problem, for example {@code Retry-After}; none by default. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }
}
