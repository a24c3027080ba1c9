package dev.referrals.benchmarks.api;

import dev.referrals.benchmarks.data.DeclineBodies;
import dev.referrals.benchmarks.data.Marketplace;
import dev.referrals.benchmarks.load.LoadTarget;

/**
 * Declines with a referral, each for its own invitation and with its own Idempotency-Key (as a careful upstream
 * service sends them), naming the referee by profile URL or, every other request, by email. The API answers 202
 * whether or not the referee exists: eligibility is the processor's.
 */
public final class DeclineTarget implements LoadTarget {

    /** Declines spread over this many jobs and clients, so no single partition gets them all. */
    private static final int JOBS = 1_000;
    private static final int CLIENTS = 200;

    private final int port;
    private final String token;
    private final String keyPrefix;

    /**
     * @param token     the caller's bearer token: the upstream job services', as the benchmark declines for everyone
     * @param keyPrefix makes this run's Idempotency-Keys its own
     */
    public DeclineTarget(int port, String token, String keyPrefix) {
        this.port = port;
        this.token = token;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public Request request(long sequence) {
        String referee = "api-ref-" + sequence;
        return new Request(DeclineBodies.path("api-inv-" + sequence), keyPrefix + sequence,
                DeclineBodies.decline("api-job-" + (sequence % JOBS), "api-cl-" + (sequence % CLIENTS),
                        "api-fl-" + sequence,
                        sequence % 2 == 0 ? Marketplace.PROFILE_BASE + referee : referee + "@bench.example",
                        "They built two sites like this one last year."));
    }
}
