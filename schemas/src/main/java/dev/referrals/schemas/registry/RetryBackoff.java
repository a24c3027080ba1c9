package dev.referrals.schemas.registry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How many times a failed registry call is repeated and how long to wait before each repeat: exponential, capped,
 * with jitter so that many consumers restarting together do not hit a recovering registry in step.
 */
final class RetryBackoff {

    /** The wait is drawn between this share of the exponential delay and the whole of it. */
    private static final double MIN_JITTER_SHARE = 0.5;
    /** Beyond this many doublings the cap has long been reached; stops the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    private final int maxRetries;
    private final long initialWaitMs;
    private final long maxWaitMs;

    RetryBackoff(int maxRetries, long initialWaitMs, long maxWaitMs) {
        this.maxRetries = Math.max(0, maxRetries);
        this.initialWaitMs = Math.max(0, initialWaitMs);
        this.maxWaitMs = Math.max(this.initialWaitMs, maxWaitMs);
    }

    int maxRetries() {
        return maxRetries;
    }

    /** The wait before retry number {@code retry}, counted from 1. */
    Duration delayBefore(int retry) {
        int doublings = Math.min(Math.max(0, retry - 1), MAX_DOUBLINGS);
        long exponential = Math.min(maxWaitMs, initialWaitMs << doublings);
        long floor = (long) (exponential * MIN_JITTER_SHARE);
        long jittered = exponential <= floor ? exponential : ThreadLocalRandom.current().nextLong(floor, exponential + 1);
        return Duration.ofMillis(jittered);
    }
}
