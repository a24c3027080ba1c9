package dev.referrals.api.access;

import dev.referrals.platform.security.Scopes;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from their validated token, and what they may do (README, "Identity and access"):
 *
 * <ul>
 *   <li>a <b>user</b>, a freelancer or a client, whose token's subject is their marketplace account id, acts only as
 *       themselves;</li>
 *   <li>a <b>trusted service</b> (the upstream job services, the UI backend), with a client-credentials token, acts
 *       for any account within its scopes: {@value Scopes#DECLINE} to decline, {@value Scopes#READ} to read.</li>
 * </ul>
 *
 * @param subject the token's {@code sub}: an account id for a user, the client id for a service
 * @param scopes  the token's scopes
 */
public record Caller(String subject, Set<String> scopes) {

    private static final String SCOPE_AUTHORITY_PREFIX = Scopes.authority("");

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /**
     * The caller of a request whose token Spring Security has validated: its subject, and its scopes as Spring
     * Security's JWT converter granted them ({@code SCOPE_<scope>}, from {@code scope} or {@code scp}).
     */
    public static Caller of(Jwt token, Collection<? extends GrantedAuthority> authorities) {
        return new Caller(token.getSubject(), authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(SCOPE_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(SCOPE_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toSet()));
    }

    /** May decline an invitation made to this freelancer: the freelancer themselves, or a trusted service. */
    public boolean mayDeclineAs(String freelancerId) {
        return scopes.contains(Scopes.DECLINE) || subject.equals(freelancerId);
    }

    /** May read what belongs to this account: the account holder themselves, or a trusted service. */
    public boolean mayReadFor(String accountId) {
        return isReader() || subject.equals(accountId);
    }

    /** A trusted service with the read scope, which reads every view. */
    public boolean isReader() {
        return scopes.contains(Scopes.READ);
    }

    /** A trusted service rather than a user: a token with a service scope. */
    public boolean isService() {
        return scopes.contains(Scopes.DECLINE) || scopes.contains(Scopes.READ);
    }

    /**
     * The caller's own namespace for Idempotency-Keys and rate limits. A user and a service never share one, even
     * if an account id were to equal a client id.
     */
    public String key() {
        return (isService() ? "service:" : "user:") + subject;
    }
}
