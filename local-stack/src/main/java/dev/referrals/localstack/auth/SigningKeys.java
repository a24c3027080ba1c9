package dev.referrals.localstack.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The RSA keys the local authorization server signs with. Tokens are signed with the newest key and name it by
 * {@code kid}; the JWKS publishes every key, so a token signed before a {@link #rotate()} still validates, and a
 * resource server that meets an unknown {@code kid} fetches the JWKS again.
 */
public final class SigningKeys {

    private static final int KEY_SIZE = 2048;

    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();

    SigningKeys() {
        keys.add(newKey());
    }

    /** The key tokens are signed with now. */
    public RSAKey current() {
        return keys.get(keys.size() - 1);
    }

    /** Starts signing with a new key; the older ones stay in the JWKS. Returns the new key's id. */
    public String rotate() {
        RSAKey key = newKey();
        keys.add(key);
        return key.getKeyID();
    }

    /** The source the server's encoder and its JWKS endpoint read; the endpoint publishes only the public halves. */
    JWKSource<SecurityContext> source() {
        return (selector, context) -> selector.select(new JWKSet(new ArrayList<JWK>(keys)));
    }

    /**
     * Signs these claims with the current key, RS256, as the server does: for tests that need a token the server
     * would not issue, such as one that expired an hour ago.
     */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, current());
    }

    /** Signs with any RSA key, for example one the server never published. */
    public static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token: " + e.getMessage(), e);
        }
    }

    /** A new 2048-bit RSA signing key with a random id. */
    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key: " + e.getMessage(), e);
        }
    }
}
