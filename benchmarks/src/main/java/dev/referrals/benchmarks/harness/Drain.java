package dev.referrals.benchmarks.harness;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Measures how fast a service works off a backlog: a counter of its effects (outcome records, sent emails) is
 * sampled until it reaches the target. The rate runs from the first sample that saw an effect to the first that saw
 * them all, so it is the steady drain, without the JVM's start or the consumer group's join.
 *
 * @param items      effects counted in the rate
 * @param seconds    from the first effect seen to the last
 * @param perSecond  {@code items / seconds}
 * @param wallClock  from the start of the wait (the service's launch) to the last effect
 */
public record Drain(long items, double seconds, double perSecond, Duration wallClock) {

    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * @param counter  effects so far, counted from zero at the start of the stage
     * @param target   effects of the whole backlog
     * @param since    {@code System.nanoTime()} when the wait began
     */
    public static Drain await(LongSupplier counter, long target, long since, Duration timeout, Duration interval,
                              String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstAt = -1;
        long firstCount = 0;
        while (true) {
            long count = counter.getAsLong();
            long now = System.nanoTime();
            if (count > 0 && firstAt < 0) {
                firstAt = now;
                firstCount = count;
            }
            if (count >= target) {
                // A backlog drained within one sample has no measurable span; count it from the wait's start.
                long from = firstAt < 0 || firstCount >= target ? since : firstAt;
                long counted = firstCount >= target ? target : target - firstCount;
                double seconds = (now - from) / NANOS_PER_SECOND;
                return new Drain(counted, seconds, counted / seconds, Duration.ofNanos(now - since));
            }
            if (now > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s draining " + what
                        + ": " + count + " of " + target);
            }
            Poll.sleep(interval);
        }
    }
}
