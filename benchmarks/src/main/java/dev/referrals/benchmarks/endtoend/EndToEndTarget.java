package dev.referrals.benchmarks.endtoend;

import dev.referrals.benchmarks.data.DeclineBodies;
import dev.referrals.benchmarks.data.Marketplace;
import dev.referrals.benchmarks.load.LoadTarget;

/**
 * Declines whose referral is created: request {@code n} is by freelancer {@code 2n}, declining their invitation to
 * an open public job, and refers freelancer {@code 2n+1}, both known to the processor and the worker; every referee
 * is referred once, so the referee names the request its emails belong to.
 */
final class EndToEndTarget implements LoadTarget {

    private final int port;
    private final String token;
    private final Marketplace marketplace;
    private final int jobs;
    private final String keyPrefix;

    EndToEndTarget(int port, String token, Marketplace marketplace, int jobs, String keyPrefix) {
        this.port = port;
        this.token = token;
        this.marketplace = marketplace;
        this.jobs = jobs;
        this.keyPrefix = keyPrefix;
    }

    static int referrer(long n) {
        return (int) (2 * n);
    }

    static int referee(long n) {
        return (int) (2 * n + 1);
    }

    /** The job request {@code n} declines an invitation to. */
    static int job(long n, int jobs) {
        return (int) (n % jobs);
    }

    /** The request that referred this freelancer number. */
    static long requestOf(int referee) {
        return (referee - 1) / 2;
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
    public Request request(long n) {
        int job = job(n, jobs);
        String referee = marketplace.freelancer(referee(n));
        String referrer = marketplace.freelancer(referrer(n));
        return new Request(DeclineBodies.path(marketplace.invitation(marketplace.job(job), referrer)), keyPrefix + n,
                DeclineBodies.decline(marketplace.job(job), marketplace.client(job), referrer,
                        n % 2 == 0 ? marketplace.profileUrl(referee) : marketplace.email(referee),
                        "They built two sites like this one last year."));
    }
}
