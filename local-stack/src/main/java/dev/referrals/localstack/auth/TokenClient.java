package dev.referrals.localstack.auth;

import dev.referrals.localstack.auth.LocalIdentities.DemoClient;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gets access tokens from an OAuth2 authorization server over HTTP, as its clients do: the client-credentials grant
 * for a service, and for a user the authorization-code grant with PKCE, signing in through the login form as a
 * browser would. Used by {@code ./referrals-local token}, the tests and the benchmarks.
 */
public final class TokenClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final int VERIFIER_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuerUri;

    public TokenClient(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    /** A client-credentials token with every scope the client may have. */
    public String serviceToken(DemoClient client) {
        return serviceToken(client, client.scopes());
    }

    /** A client-credentials token with these scopes. */
    public String serviceToken(DemoClient client, Set<String> scopes) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String basic = Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(URI.create(issuerUri + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "client_credentials", "scope", String.join(" ", scopes)))));
        return accessToken(answer, "client " + client.clientId());
    }

    /**
     * A user's token, whose subject is the account id: signs in as that account through the authorization
     * endpoint, the login form and the token endpoint, with PKCE.
     */
    public String userToken(String accountId) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomVerifier();
        String state = randomVerifier();
        String authorize = issuerUri + "/oauth2/authorize?" + query(Map.of(
                "response_type", "code",
                "client_id", LocalIdentities.USER_CLIENT_ID,
                "redirect_uri", LocalIdentities.USER_REDIRECT_URI,
                "scope", "openid",
                "state", state,
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256"));
        // Unauthenticated: the server keeps the request in the session and sends the browser to its login form.
        String login = location(send(http, browser(authorize).GET()), "the authorization endpoint");
        String page = send(http, browser(resolve(login)).GET()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("No sign-in form at " + login);
        }
        String afterLogin = location(send(http, browser(resolve(login))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", accountId, "password", LocalIdentities.USER_PASSWORD,
                        "_csrf", csrf.group(1))))), "the sign-in of " + accountId);
        String callback = location(send(http, browser(resolve(afterLogin)).GET()), "the authorization endpoint");
        Map<String, String> parameters = parameters(URI.create(callback).getRawQuery());
        if (!state.equals(parameters.get("state")) || !parameters.containsKey("code")) {
            throw new IllegalStateException("Sign-in of " + accountId + " did not return a code: " + callback);
        }
        HttpResponse<String> answer = send(http, HttpRequest.newBuilder(URI.create(issuerUri + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("grant_type", "authorization_code",
                        "code", parameters.get("code"),
                        "redirect_uri", LocalIdentities.USER_REDIRECT_URI,
                        "client_id", LocalIdentities.USER_CLIENT_ID,
                        "code_verifier", verifier))));
        return accessToken(answer, "user " + accountId);
    }

    private HttpRequest.Builder browser(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(TIMEOUT).header("Accept", "text/html");
    }

    private String resolve(String location) {
        return URI.create(issuerUri + "/").resolve(location).toString();
    }

    private static String location(HttpResponse<String> answer, String what) {
        return answer.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                what + " answered " + answer.statusCode() + " without a redirect"));
    }

    private static String accessToken(HttpResponse<String> answer, String who) {
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (answer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + who + ": " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Authorization server not reachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking for a token", e);
        }
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(query(fields));
    }

    private static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[VERIFIER_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
