package dev.referrals.benchmarks;

import dev.referrals.benchmarks.soak.SoakRun;
import java.util.List;

/** {@code ./benchmarks/run}: runs every stage against the local stack and writes the report, or the fault soak. */
public final class BenchmarkMain {

    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILED = 1;

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(List.of(args));
        } catch (IllegalArgumentException usage) {
            System.err.println(usage.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        if (options.soak()) {
            soak(options);
            return;
        }
        try {
            new BenchmarkRun(options.settings(), options.moduleDir(), options.reportDir(), new Progress(System.out))
                    .run(options.stages()).ifPresent(report -> System.out.println("Report: " + report));
            // The in-JVM broker and PostgreSQL leave non-daemon threads behind after close.
            System.exit(0);
        } catch (RuntimeException failure) {
            failure.printStackTrace();
            System.err.println("Benchmark failed: " + failure.getMessage());
            System.exit(EXIT_FAILED);
        }
    }

    /** Exits 0 only if every check of the soak passed, so a script can gate on it. */
    private static void soak(BenchmarkOptions options) {
        try {
            SoakRun.Result result = new SoakRun(options.soakSettings(), options.moduleDir(), options.reportDir(),
                    new Progress(System.out)).run();
            System.out.println("Report: " + result.markdown());
            System.exit(result.passed() ? 0 : EXIT_FAILED);
        } catch (RuntimeException failure) {
            failure.printStackTrace();
            System.err.println("Soak failed: " + failure.getMessage());
            System.exit(EXIT_FAILED);
        }
    }
}
