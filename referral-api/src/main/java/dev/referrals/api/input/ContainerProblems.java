package dev.referrals.api.input;

import dev.referrals.api.problem.ApiProblems;
import dev.referrals.api.problem.FieldViolation;
import dev.referrals.api.problem.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem+json body of an answer that Tomcat makes, or that never reached a controller: a request line, path
 * or header that is malformed or too long, a filter's refusal, an unmapped error. Same {@link ProblemType}s and
 * {@code errors} as {@link ApiProblems}. There is no {@code instance} and no echo of the request: the URI may be
 * exactly what was malformed.
 */
final class ContainerProblems {

    /** What a container-level 400 is about: the request as a whole, since Tomcat does not say which part. */
    static final String REQUEST = "request";

    private final JsonMapper json;

    ContainerProblems(JsonMapper json) {
        this.json = json;
    }

    String body(int status) {
        Map<String, Object> problem = new LinkedHashMap<>();
        HttpStatus known = HttpStatus.resolve(status);
        ProblemType type = typeOf(status);
        problem.put("type", type == null ? "about:blank" : type.uri().toString());
        problem.put("title", type == null ? (known == null ? "Error" : known.getReasonPhrase()) : type.title());
        problem.put("status", status);
        problem.put("detail", detailOf(status, type));
        if (type == ProblemType.INVALID_REQUEST) {
            problem.put(ApiProblems.ERRORS, List.of(new FieldViolation(REQUEST,
                    "has a malformed or too long request line, path or header")));
        }
        return json.writeValueAsString(problem);
    }

    private static ProblemType typeOf(int status) {
        return switch (status) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            case 413, 414, 431 -> ProblemType.REQUEST_TOO_LARGE;
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : null;
        };
    }

    private static String detailOf(int status, ProblemType type) {
        if (type == null) {
            return "The request was refused with status " + status + ".";
        }
        return switch (type) {
            case INVALID_REQUEST -> "The request is malformed; nothing was done.";
            case NOT_FOUND -> "Nothing is served at this path.";
            case REQUEST_TOO_LARGE -> "The request line, a header or the body is too large; nothing was done.";
            default -> "The request could not be completed; it may be retried.";
        };
    }
}
