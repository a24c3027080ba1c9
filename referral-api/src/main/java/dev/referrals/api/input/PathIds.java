package dev.referrals.api.input;

import dev.referrals.api.problem.FieldViolation;
import dev.referrals.api.problem.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every path variable of this API is an id ({@code invitationId}, {@code requestId}, {@code jobId}, a freelancer's
 * {@code id}), so every one is checked here, by {@link Ids}, before any controller sees it: a bad one is a 400 naming
 * the variable. A new controller gets the check without asking for it.
 */
class PathIds implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> byName) || byName.isEmpty()) {
            return true;
        }
        List<FieldViolation> violations = new ArrayList<>();
        new TreeMap<>(byName).forEach((name, value) ->
                Ids.check(String.valueOf(name), value == null ? null : String.valueOf(value), violations));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return true;
    }
}
