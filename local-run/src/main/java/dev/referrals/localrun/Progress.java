package dev.referrals.localrun;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** The local run's progress lines: {@code [2/5] Loading the demo seed ... done in 1.2 s}. */
final class Progress {

    private final PrintStream out;
    private final int steps;
    private final Instant startedAt = Instant.now();
    private int step;

    Progress(PrintStream out, int steps) {
        this.out = out;
        this.steps = steps;
    }

    void step(String what) {
        out.printf("[%d/%d] %s%n", ++step, steps, what);
    }

    void detail(String line) {
        out.println("      " + line);
    }

    String elapsed() {
        return String.format("%.1f s", Duration.between(startedAt, Instant.now()).toMillis() / 1000.0);
    }
}
