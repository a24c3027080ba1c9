package dev.referrals.api.problem;

import dev.referrals.api.ReferralApiProperties;
import dev.referrals.platform.failure.DatabaseOutage;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error answer of the API is {@code application/problem+json} (RFC 9457). A 400 lists every bad input in
 * {@code errors: [{field, message}]}; each problem has a stable {@link ProblemType} URN as its {@code type}.
 *
 * <p>Spring's own exceptions (wrong method, unsupported media type, ...) keep Spring's problem answers.
 *
 * <p>Every 503 (Kafka or the database out of reach) carries {@code Retry-After}: {@code referrals.api.retry-after}.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    /** The property listing the inputs a problem is about: each bad field of a 400, the header of a 409/422. */
    public static final String ERRORS = "errors";

    /** Where a violation is reported when it concerns the request body as a whole. */
    static final String BODY = "body";

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final String retryAfterSeconds;

    public ApiProblems(ReferralApiProperties properties) {
        this.retryAfterSeconds = Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException invalid, WebRequest request) {
        return badRequest(invalid.violations(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ProblemException refusal, WebRequest request) {
        if (refusal.status().is5xxServerError()) {
            log.warn("answered {}: {}", refusal.status().value(), refusal.getMessage());
        }
        ProblemDetail problem = problem(refusal.status(), refusal.type(), refusal.getMessage(), request);
        if (refusal.field() != null) {
            problem.setProperty(ERRORS, List.of(new FieldViolation(refusal.field(), refusal.getMessage())));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(refusal.headers());
        if (refusal.status() == HttpStatus.SERVICE_UNAVAILABLE && !headers.containsHeader(HttpHeaders.RETRY_AFTER)) {
            headers.set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    /** Anything unforeseen: logged with its stack trace, answered without it. */
    @ExceptionHandler
    ResponseEntity<?> unexpected(Exception failure, WebRequest request) throws Exception {
        if (failure instanceof ErrorResponse) {
            return handleException(failure, request);
        }
        if (DatabaseOutage.isUnreachable(failure)) {
            // An outage, not a bug: one line without a stack trace, so the log stays readable while it lasts.
            log.warn("answered 503: the database cannot be reached: {}", rootCause(failure).toString());
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.DATABASE_UNAVAILABLE,
                    "The database cannot be reached; nothing was published. Retry later, with the same "
                            + "Idempotency-Key.", request);
            return ResponseEntity.status(problem.getStatus()).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                    .body(problem);
        }
        log.error("request failed", failure);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL_ERROR,
                "The request could not be completed; it may be retried.", request));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException refusal) {
                return asObject(refused(refusal, request)); // the body's stream refused to go on (too large)
            }
        }
        return asObject(badRequest(List.of(violationOf(unreadable)), request));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException missing, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(answer(problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                "Nothing is served at this path.", request)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException mismatch, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : String.valueOf(mismatch.getPropertyName());
        return asObject(badRequest(List.of(new FieldViolation(field,
                "has the wrong form: '%s'".formatted(mismatch.getValue()))), request));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return asObject(badRequest(
                List.of(new FieldViolation(missing.getParameterName(), "is required")), request));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Names the JSON property that could not be read, when Jackson knows it. */
    static FieldViolation violationOf(HttpMessageNotReadableException unreadable) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldViolation(JsonPath.of(unknown), "is not a known property");
        }
        if (cause instanceof StreamReadException) {
            return new FieldViolation(BODY, "is not well-formed JSON");
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return new FieldViolation(JsonPath.of(jackson), "has the wrong type");
        }
        return new FieldViolation(BODY, "is missing or not readable as JSON");
    }

    private ResponseEntity<ProblemDetail> badRequest(List<FieldViolation> violations, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST,
                violations.size() == 1 ? "1 field is invalid; see errors."
                        : "%d fields are invalid; see errors.".formatted(violations.size()), request);
        problem.setProperty(ERRORS, violations);
        return answer(problem);
    }

    private static ProblemDetail problem(HttpStatus status, ProblemType type, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).body(answer.getBody());
    }

    /** A Jackson path such as {@code referral.freelancer} or {@code items[2].id}. */
    static final class JsonPath {

        private JsonPath() {
        }

        static String of(JacksonException failure) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference reference : failure.getPath()) {
                if (reference.getPropertyName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? BODY : path.toString();
        }
    }
}
