package dev.referrals.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.localstack.auth.LocalAuthorizationServer;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.localstack.auth.SigningKeys;
import dev.referrals.localstack.junit.LocalStackTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only a JWT signed by the issuer's published key, for this issuer and audience, and not expired, gets in: every
 * other token is 401 with {@code WWW-Authenticate: Bearer} and a problem. Each bad token is made here, signed with
 * a real key: the server's own, where the only fault is a claim.
 */
@LocalStackTest
class TokenValidationIT extends ApiIntegrationTest {

    private static final String PROTECTED = "/api/v1/freelancers?q=an";

    private static LocalAuthorizationServer server;

    @BeforeAll
    static void connect(LocalAuthorizationServer authorizationServer) {
        server = authorizationServer;
    }

    @Test
    void aValidTokenSignedByTheServerGetsIn() {
        assertThat(api.as(server().keys().sign(claims().build())).get(PROTECTED).status()).isEqualTo(200);
    }

    @Test
    void noTokenIs401() {
        ApiClient.Answer answer = api.anonymous().get(PROTECTED);

        assertUnauthenticated(answer);
        // RFC 6750's challenge, with RFC 9728's pointer to this resource's metadata, and no error: none was sent.
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer").doesNotContain("error=");
    }

    @Test
    void anExpiredTokenIs401() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        assertInvalidToken(server().keys().sign(claims()
                .issueTime(Date.from(anHourAgo.minus(Duration.ofMinutes(5)))).expirationTime(Date.from(anHourAgo))
                .build()));
    }

    @Test
    void aTokenOfAnotherIssuerIs401() {
        assertInvalidToken(server().keys().sign(claims().issuer("http://issuer.invalid").build()));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        assertInvalidToken(server().keys().sign(claims().audience("another-service").build()));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIs401() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(claims().build().toString().getBytes(StandardCharsets.UTF_8));

        assertInvalidToken(header + "." + payload + ".");
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIs401() {
        String[] parts = server().keys().sign(claims().build()).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().subject("someone-else").claim("scope", List.of(LocalIdentities.SCOPE_DECLINE)).build()
                        .toString().getBytes(StandardCharsets.UTF_8));

        assertInvalidToken(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void aTokenSignedByAKeyTheIssuerNeverPublishedIs401() {
        assertInvalidToken(SigningKeys.sign(claims().build(), SigningKeys.newKey()));
    }

    @Test
    void anHs256TokenWithASharedSecretIs401() throws JOSEException {
        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hs256.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!".getBytes(StandardCharsets.UTF_8)));

        assertInvalidToken(hs256.serialize());
    }

    @Test
    void afterTheIssuerRotatesItsKeyTokensSignedWithTheNewKeyGetInAndOlderOnesStillDo() {
        String before = server().keys().sign(claims().build());
        server().keys().rotate();
        String after = tokens.userToken("ana");

        assertThat(api.as(after).get(PROTECTED).status()).isEqualTo(200);
        assertThat(api.as(before).get(PROTECTED).status()).isEqualTo(200);
    }

    private void assertInvalidToken(String token) {
        ApiClient.Answer answer = api.as(token).get(PROTECTED);

        assertUnauthenticated(answer);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    }

    private static void assertUnauthenticated(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:referrals:problem:unauthenticated");
        assertThat(answer.json().get("status").asInt()).isEqualTo(401);
    }

    private static LocalAuthorizationServer server() {
        return server;
    }

    /** What the server itself would issue to a user, valid for ten minutes. */
    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(server().issuerUri())
                .audience(LocalIdentities.AUDIENCE)
                .subject("ana")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("scope", List.of("openid"));
    }
}
