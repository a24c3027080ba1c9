package dev.referrals.benchmarks;

import dev.referrals.benchmarks.soak.SoakSettings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The command line of {@code ./benchmarks/run}.
 *
 * @param smoke     the smoke preset instead of the full one
 * @param reportDir where the reports go
 * @param moduleDir the benchmarks module, whose {@code target/} holds the service jars and the class path
 * @param soak      the fault soak instead of the benchmarks (see {@code SoakRun})
 */
public record BenchmarkOptions(boolean smoke, Path reportDir, Path moduleDir, boolean help, Set<Stage> stages,
                               boolean soak) {

    /** The stages of a run, in order. A run of only some of them writes no report: its ratios would be missing. */
    public enum Stage { BASELINES, API, PROCESSOR, WORKER, E2E }

    public static final String USAGE = """
            Usage: ./benchmarks/run [--soak] [--smoke] [--out DIR] [--only STAGE,...]
              --soak     the fault soak instead: load while services are killed and brokers, SMTP, PostgreSQL and
                         the registry fail, then a count of anything lost (report in benchmarks/reports/soak)
              --smoke    every stage at toy sizes (about two minutes): proves the harness, measures nothing; with
                         --soak, a few thousand requests and one of each fault (about four minutes)
              --out DIR  write the reports to DIR (default benchmarks/reports)
              --only     run only these of baselines, api, processor, worker, e2e, printing their figures without
                         writing a report (for profiling and tuning one stage)
            Writes <UTC timestamp>.md and .json, and copies them to latest.md and latest.json.""";

    private static final Path DEFAULT_MODULE_DIR = Path.of("benchmarks");

    public static BenchmarkOptions parse(List<String> args) {
        boolean smoke = false;
        boolean help = false;
        boolean soak = false;
        Path reportDir = null;
        Set<Stage> stages = EnumSet.allOf(Stage.class);
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--smoke" -> smoke = true;
                case "--soak" -> soak = true;
                case "--help", "-h" -> help = true;
                case "--only" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--only needs stages, for example api,processor");
                    }
                    stages = EnumSet.noneOf(Stage.class);
                    for (String stage : args.get(++i).split(",")) {
                        stages.add(Stage.valueOf(stage.trim().toUpperCase(Locale.ROOT)));
                    }
                }
                case "--out" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--out needs a directory");
                    }
                    reportDir = Path.of(args.get(++i));
                }
                default -> throw new IllegalArgumentException("unknown option: " + args.get(i));
            }
        }
        if (reportDir == null) {
            reportDir = soak ? DEFAULT_MODULE_DIR.resolve("reports").resolve("soak") : DEFAULT_MODULE_DIR.resolve("reports");
        }
        return new BenchmarkOptions(smoke, reportDir, DEFAULT_MODULE_DIR, help, stages, soak);
    }

    public SoakSettings soakSettings() {
        return smoke ? SoakSettings.smoke() : SoakSettings.full();
    }

    public BenchmarkSettings settings() {
        return smoke ? BenchmarkSettings.smoke() : BenchmarkSettings.full();
    }
}
