package dev.referrals.platform.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: each request needs a JWT from the issuer in
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (OIDC discovery and its JWKS, keys chosen by
 * {@code kid}), for the audience in {@code ...jwt.audiences}, signed with RS256. Services know nothing else of the
 * provider.
 *
 * <ul>
 *   <li>Actuator, on the management port: {@code health} (without details) and {@code prometheus} are open to the
 *       platform; every other endpoint (consumer lag, dead letters and their redrive) needs the ops scope.</li>
 *   <li>Everything else needs a valid token; what a caller may do with it is decided by the service (the API's
 *       per-subject rules).</li>
 * </ul>
 *
 * <p>Tokens only, no sessions and no cookies, so no CSRF; 401 and 403 are problem+json ({@link SecurityProblems}).
 */
@AutoConfiguration(before = {ManagementWebSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ServiceSecurityAutoConfiguration {

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Bean
    @ConditionalOnProperty(ISSUER_URI)
    IssuerStartupCheck issuerStartupCheck(Environment environment) {
        return new IssuerStartupCheck(environment.getRequiredProperty(ISSUER_URI));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, PrometheusScrapeEndpoint.class))
                        .permitAll()
                        .anyRequest().hasAuthority(Scopes.authority(Scopes.OPS)));
        return bearerTokensOnly(http).build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain everythingElseNeedsAToken(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // An error dispatch only renders the problem of a request that already failed (a request the
                // firewall or Tomcat refused never reaches a controller), so it answers 400, not 401.
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .anyRequest().authenticated());
        return bearerTokensOnly(http).build();
    }

    private static HttpSecurity bearerTokensOnly(HttpSecurity http) throws Exception {
        return http
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(SecurityProblems.authenticationEntryPoint())
                        .accessDeniedHandler(SecurityProblems.accessDeniedHandler()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(SecurityProblems.authenticationEntryPoint())
                        .accessDeniedHandler(SecurityProblems.accessDeniedHandler()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
    }
}
