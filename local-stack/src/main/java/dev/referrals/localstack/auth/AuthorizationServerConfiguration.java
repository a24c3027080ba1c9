package dev.referrals.localstack.auth;

import dev.referrals.localstack.auth.LocalIdentities.DemoClient;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Spring Authorization Server as the marketplace's identity provider would be configured for this project: OIDC
 * discovery, a JWKS, the client-credentials grant for services and ops, and the authorization-code grant with PKCE
 * for users signing in with a form. The {@link AuthorizationServerSettings} and {@link SigningKeys} beans are
 * registered by {@link LocalAuthorizationServer} before the context starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class AuthorizationServerConfiguration {

    /** Long enough that a token pasted into the README's curl lines outlives a walk-through. */
    static final Duration ACCESS_TOKEN_TTL = Duration.ofHours(1);
    private static final String LOGIN_PAGE = "/login";
    /** The account id format the services accept (referral-api README, "Ids"), so a user cannot sign in as junk. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A user's browser (or ./referrals-local token) is sent to the login form to sign in.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    /** Any marketplace account id signs in with the demo password: this server stands in for the marketplace's. */
    @Bean
    UserDetailsService marketplaceAccounts() {
        return accountId -> {
            if (!ACCOUNT_ID.matcher(accountId).matches()) {
                throw new UsernameNotFoundException("not an account id");
            }
            return User.withUsername(accountId).password("{noop}" + LocalIdentities.USER_PASSWORD)
                    .roles("USER").build();
        };
    }

    @Bean
    RegisteredClientRepository clients() {
        List<RegisteredClient> clients = new ArrayList<>();
        for (DemoClient client : LocalIdentities.SERVICE_CLIENTS) {
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(client.clientId())
                    .clientSecret("{noop}" + client.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(scopes -> scopes.addAll(client.scopes()))
                    .tokenSettings(tokenSettings())
                    .build());
        }
        clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(LocalIdentities.USER_CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(LocalIdentities.USER_REDIRECT_URI)
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokenSettings())
                .build());
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * Every access token carries the services' audience, and names the key it is signed with, so that the JWKS can
     * hold older keys next to the current one.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> audienceAndKeyId(SigningKeys keys) {
        return context -> {
            context.getJwsHeader().keyId(keys.current().getKeyID());
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(LocalIdentities.AUDIENCE));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.source();
    }

    /** The OIDC user-info endpoint reads the caller's own access token. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    private static TokenSettings tokenSettings() {
        return TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build();
    }
}
