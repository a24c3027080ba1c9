package dev.referrals.api.support;

import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.localstack.auth.LocalIdentities.DemoClient;
import dev.referrals.localstack.auth.TokenClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One client-credentials token per client for the whole test JVM: they live an hour, and the suite is shorter. */
public final class ServiceTokens {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private ServiceTokens() {
    }

    public static String of(TokenClient tokens, DemoClient client) {
        return TOKENS.computeIfAbsent(client.clientId(), id -> tokens.serviceToken(client));
    }

    /** The API at this address, called as the upstream job services call it: decline and read for any account. */
    public static ApiClient jobServices(String baseUrl, String issuerUri) {
        return new ApiClient(baseUrl, of(new TokenClient(issuerUri), LocalIdentities.JOB_SERVICES));
    }
}
