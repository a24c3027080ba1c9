package dev.referrals.benchmarks.harness;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The JIT compile queue of a service's JVM, read with {@code jcmd <pid> Compiler.queue}.
 *
 * <p>Why a benchmark waits for it: under a load that keeps both cores busy, the one C2 compiler thread of a
 * two-core JVM gets a slice of the CPU next to dozens of request threads, and its queue grows into the thousands
 * (4,092 methods queued after 150 s of closed-loop load on the API). Until they are compiled, the hot paths run as
 * C1 code with full profiling, several times slower: the API ran at 164 declines/s with 10 ms of CPU each; in rounds
 * with a pause for its JIT after each, it reached 400-650/s at 1.2-2 ms. A long-running service is past this; a
 * benchmark that loads it without pause measures its JIT's backlog instead.
 */
public final class JitQueue {

    /** A queue this short is the JIT's normal background work, not a backlog. */
    public static final int QUIET = 20;

    /** A queued method's line starts with its compile id; the current compiles' lines start with a thread name. */
    private static final Pattern QUEUED = Pattern.compile("(?m)^\\d+\\s");
    private static final Duration POLL = Duration.ofSeconds(1);

    private JitQueue() {
    }

    /** Methods waiting for the C1 and C2 compilers. */
    public static int length(long pid) {
        return (int) QUEUED.matcher(Jcmd.run(pid, "Compiler.queue")).results().count();
    }

    /**
     * Waits, with no load offered, until the queue is {@link #QUIET} or {@code max} has passed.
     *
     * @return what was queued at first and at the end, and how long it took
     */
    public static Settle awaitQuiet(long pid, Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        int first = length(pid);
        int now = first;
        while (now > QUIET && System.nanoTime() < deadline) {
            Poll.sleep(POLL);
            now = length(pid);
        }
        return new Settle(first, now, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * @param queuedBefore methods queued when the load stopped
     * @param queuedAfter  methods queued when the wait ended
     * @param waited       how long it waited
     */
    public record Settle(int queuedBefore, int queuedAfter, Duration waited) {

        public boolean quiet() {
            return queuedAfter <= QUIET;
        }

        @Override
        public String toString() {
            return String.format("JIT queue %d -> %d in %.0f s", queuedBefore, queuedAfter,
                    waited.toMillis() / 1_000.0);
        }
    }
}
