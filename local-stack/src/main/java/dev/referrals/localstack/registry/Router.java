package dev.referrals.localstack.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a method and decoded path segments to an endpoint. Patterns are literal segments and {@code {name}}
 * parameters; a trailing {@code **} matches any rest. A path some route matches under another method answers 405,
 * a path no route matches answers 404, both as Confluent's error JSON.
 */
final class Router {

    @FunctionalInterface
    interface Endpoint {
        Response handle(Request request);
    }

    private record Route(String method, List<String> pattern, Endpoint endpoint) {

        Optional<Map<String, String>> match(List<String> segments) {
            boolean openEnded = !pattern.isEmpty() && "**".equals(pattern.get(pattern.size() - 1));
            int fixed = openEnded ? pattern.size() - 1 : pattern.size();
            if (openEnded ? segments.size() < fixed : segments.size() != fixed) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < fixed; i++) {
                String expected = pattern.get(i);
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    params.put(expected.substring(1, expected.length() - 1), segments.get(i));
                } else if (!expected.equals(segments.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    /** A route found for a request: the endpoint and the path parameters it matched. */
    record Match(Endpoint endpoint, Map<String, String> pathParams) {
    }

    static final String ANY_METHOD = "*";

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String pattern, Endpoint endpoint) {
        List<String> segments = List.of(pattern.split("/")).stream().filter(s -> !s.isEmpty()).toList();
        routes.add(new Route(method, segments, endpoint));
        return this;
    }

    Match match(String method, List<String> segments) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(segments);
            if (params.isPresent()) {
                if (route.method().equals(ANY_METHOD) || route.method().equals(method)) {
                    return new Match(route.endpoint(), params.get());
                }
                pathKnown = true;
            }
        }
        throw pathKnown ? RegistryException.methodNotAllowed() : RegistryException.httpNotFound();
    }
}
