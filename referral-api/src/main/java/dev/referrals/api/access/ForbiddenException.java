package dev.referrals.api.access;

import dev.referrals.api.problem.ProblemException;
import dev.referrals.api.problem.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A valid token whose caller may not do this to this resource: answered 403 with the same
 * {@code WWW-Authenticate} as the security filter chain's own 403s (RFC 6750).
 */
public class ForbiddenException extends ProblemException {

    private static final String BEARER_INSUFFICIENT_SCOPE =
            "Bearer error=\"insufficient_scope\", error_description=\"%s\"";

    public ForbiddenException(String detail) {
        super(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail, null, null);
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, BEARER_INSUFFICIENT_SCOPE.formatted(getMessage()));
        return headers;
    }
}
