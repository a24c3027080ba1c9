package dev.referrals.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** The run's progress lines, each with the time since the start: {@code [  42.1 s] processor: drained ...}. */
public final class Progress {

    private static final double MILLIS_PER_SECOND = 1_000.0;

    private final PrintStream out;
    private final Instant startedAt = Instant.now();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void line(String what) {
        out.printf("[%6.1f s] %s%n", Duration.between(startedAt, Instant.now()).toMillis() / MILLIS_PER_SECOND, what);
        out.flush();
    }

    public Duration elapsed() {
        return Duration.between(startedAt, Instant.now());
    }
}
