package dev.referrals.benchmarks.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for a condition, with a deadline that names what was awaited. */
public final class Poll {

    private Poll() {
    }

    public static void until(BooleanSupplier condition, Duration timeout, Duration interval, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(interval);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
