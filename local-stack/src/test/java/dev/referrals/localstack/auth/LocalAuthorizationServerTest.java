package dev.referrals.localstack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.referrals.localstack.junit.LocalStackTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import org.junit.jupiter.api.Test;

@LocalStackTest
class LocalAuthorizationServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void discoveryNamesTheIssuerTheKeysAndTheTokenEndpoint(LocalAuthorizationServer server) throws Exception {
        String discovery = get(server.issuerUri() + "/.well-known/openid-configuration");

        assertThat(discovery).contains("\"issuer\":\"" + server.issuerUri() + "\"")
                .contains(server.issuerUri() + "/oauth2/jwks")
                .contains(server.issuerUri() + "/oauth2/token")
                .contains("client_credentials");
    }

    @Test
    void aServiceTokenIsAnRs256JwtForTheAudienceWithTheClientsScopesSignedByAPublishedKey(
            LocalAuthorizationServer server) throws Exception {
        SignedJWT token = SignedJWT.parse(server.tokens().serviceToken(LocalIdentities.JOB_SERVICES));
        JWTClaimsSet claims = token.getJWTClaimsSet();

        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(claims.getIssuer()).isEqualTo(server.issuerUri());
        assertThat(claims.getSubject()).isEqualTo(LocalIdentities.JOB_SERVICES.clientId());
        assertThat(claims.getAudience()).containsExactly(LocalIdentities.AUDIENCE);
        assertThat(claims.getStringListClaim("scope"))
                .containsExactlyInAnyOrder(LocalIdentities.SCOPE_DECLINE, LocalIdentities.SCOPE_READ);
        assertThat(claims.getExpirationTime()).isAfter(new Date());
        assertThat(token.verify(new RSASSAVerifier(publishedKey(server, token.getHeader().getKeyID())))).isTrue();
    }

    @Test
    void aUserSignsInThroughTheLoginFormAndGetsATokenWhoseSubjectIsTheAccountWithoutServiceScopes(
            LocalAuthorizationServer server) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(server.tokens().userToken("ana")).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("ana");
        assertThat(claims.getAudience()).containsExactly(LocalIdentities.AUDIENCE);
        assertThat(claims.getStringListClaim("scope")).containsExactly("openid");
    }

    @Test
    void afterARotationTokensNameTheNewKeyAndTheJwksStillPublishesTheOldOne(LocalAuthorizationServer server)
            throws Exception {
        String before = SignedJWT.parse(server.tokens().serviceToken(LocalIdentities.OPS_CONSOLE)).getHeader()
                .getKeyID();
        String rotated = server.keys().rotate();
        String after = SignedJWT.parse(server.tokens().serviceToken(LocalIdentities.OPS_CONSOLE)).getHeader()
                .getKeyID();

        assertThat(after).isEqualTo(rotated).isNotEqualTo(before);
        assertThat(publishedKey(server, before)).isNotNull();
        assertThat(publishedKey(server, after)).isNotNull();
        assertThat(publishedKey(server, after).isPrivate()).isFalse();
    }

    private RSAKey publishedKey(LocalAuthorizationServer server, String keyId) throws Exception {
        return JWKSet.parse(get(server.issuerUri() + "/oauth2/jwks")).getKeyByKeyId(keyId).toRSAKey();
    }

    private String get(String uri) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(uri).isEqualTo(200);
        return answer.body();
    }
}
