package dev.referrals.localstack.auth;

import java.util.List;
import java.util.Set;

/**
 * The demo identities of the local authorization server: the audience every token carries, the scopes the services
 * check, the two confidential clients for services and ops, and the public client users sign in through.
 *
 * <p>These secrets are demo values for this machine's authorization server only, never configuration of the
 * services: the services know only an issuer URI and an audience (README, "Identity and access"). The same client ids
 * and scopes are in the Keycloak realm of docker-compose.yml.
 */
public final class LocalIdentities {

    /** The {@code aud} claim every access token of the local server carries, and the services require. */
    public static final String AUDIENCE = "referrals";

    /** A trusted service declines for any account. */
    public static final String SCOPE_DECLINE = "referrals:decline";
    /** A trusted service reads every view. */
    public static final String SCOPE_READ = "referrals:read";
    /** Ops: consumer lag, dead letters and their redrive, on each service's management port. */
    public static final String SCOPE_OPS = "referrals:ops";

    /** The upstream job services and the UI backend: client credentials, may act for any account. */
    public static final DemoClient JOB_SERVICES =
            new DemoClient("job-services", "job-services-demo-secret", Set.of(SCOPE_DECLINE, SCOPE_READ));
    /** Ops tooling: client credentials with the ops scope only. */
    public static final DemoClient OPS_CONSOLE =
            new DemoClient("ops-console", "ops-console-demo-secret", Set.of(SCOPE_OPS));

    /** The public client a user signs in through (authorization code with PKCE); its tokens carry no service scope. */
    public static final String USER_CLIENT_ID = "referrals-cli";
    /** Registered for the user client; never contacted, the code is read from the redirect itself. */
    public static final String USER_REDIRECT_URI = "http://127.0.0.1:8400/callback";
    /** Every marketplace account id signs in with this demo password; the token's subject is the account id. */
    public static final String USER_PASSWORD = "demo";

    public static final List<DemoClient> SERVICE_CLIENTS = List.of(JOB_SERVICES, OPS_CONSOLE);

    private LocalIdentities() {
    }

    /**
     * A confidential client of the local authorization server.
     *
     * @param clientId the client id, which is also the subject of its tokens
     * @param secret   its demo secret (client_secret_basic)
     * @param scopes   every scope it may ask for, and gets when it asks for none
     */
    public record DemoClient(String clientId, String secret, Set<String> scopes) {
    }
}
