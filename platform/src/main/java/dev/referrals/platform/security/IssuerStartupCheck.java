package dev.referrals.platform.security;

import dev.referrals.platform.startup.MissingDependencyException;
import dev.referrals.platform.startup.MissingDependencyFailureAnalyzer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;

/**
 * Fails start-up with one line when the authorization server does not publish its OIDC discovery document, instead
 * of answering every request 401 later. Spring Security reads the document (and the JWKS it names) lazily, on the
 * first token; this only checks that it is there.
 */
class IssuerStartupCheck implements InitializingBean {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int OK = 200;

    private final String issuerUri;

    IssuerStartupCheck(String issuerUri) {
        this.issuerUri = issuerUri;
    }

    @Override
    public void afterPropertiesSet() {
        String discovery = issuerUri.replaceAll("/+$", "") + DISCOVERY_PATH;
        String problem;
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(URI.create(discovery)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == OK) {
                return;
            }
            problem = "answered " + answer.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            problem = String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        throw new MissingDependencyException(("Authorization server is not reachable at %s (%s): %s, or set "
                + "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI to your OIDC provider's issuer.")
                .formatted(issuerUri, problem, MissingDependencyFailureAnalyzer.LOCAL_STACK_HINT), null);
    }
}
