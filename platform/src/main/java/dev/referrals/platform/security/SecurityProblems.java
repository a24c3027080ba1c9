package dev.referrals.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as {@code application/problem+json}, the same shape as every other error of the services, with the
 * {@code WWW-Authenticate} header of RFC 6750 that Spring Security's bearer-token handlers set: {@code Bearer} for a
 * missing token, {@code error="invalid_token"} for a bad one, {@code error="insufficient_scope"} for a 403.
 */
public final class SecurityProblems {

    /** The problem types of these answers; stable, part of the API like every other problem type. */
    public static final String UNAUTHENTICATED_TYPE = "urn:referrals:problem:unauthenticated";
    public static final String FORBIDDEN_TYPE = "urn:referrals:problem:forbidden";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SecurityProblems() {
    }

    /** No token, or one that is expired, forged, for another issuer or audience, or not a JWT at all. */
    public static AuthenticationEntryPoint authenticationEntryPoint() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, failure) -> {
            bearer.commence(request, response, failure);
            write(request, response, UNAUTHENTICATED_TYPE, "Unauthenticated",
                    "A valid bearer token from the configured issuer is required.");
        };
    }

    /** A valid token whose caller may not do this. */
    public static AccessDeniedHandler accessDeniedHandler() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, denied) -> {
            bearer.handle(request, response, denied);
            write(request, response, FORBIDDEN_TYPE, "Forbidden", "The token does not allow this request.");
        };
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String type, String title,
                              String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", response.getStatus());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
