package dev.referrals.benchmarks;

import dev.referrals.benchmarks.api.ApiBenchmark;
import dev.referrals.benchmarks.api.HttpFigures;
import dev.referrals.benchmarks.baseline.BaselineBenchmark;
import dev.referrals.benchmarks.baseline.BaselineFigures;
import dev.referrals.benchmarks.baseline.JavaProcess;
import dev.referrals.benchmarks.endtoend.EndToEndBenchmark;
import dev.referrals.benchmarks.endtoend.EndToEndFigures;
import dev.referrals.benchmarks.harness.BenchmarkContext;
import dev.referrals.benchmarks.harness.ConsumerGroups;
import dev.referrals.benchmarks.harness.CpuWatch;
import dev.referrals.benchmarks.harness.ServiceFigures;
import dev.referrals.benchmarks.harness.ServiceLauncher;
import dev.referrals.benchmarks.processor.ProcessorBenchmark;
import dev.referrals.benchmarks.processor.ProcessorFigures;
import dev.referrals.benchmarks.profile.FlightRecorder;
import dev.referrals.benchmarks.profile.ProfileReader;
import dev.referrals.benchmarks.report.BenchmarkReport;
import dev.referrals.benchmarks.report.JsonReport;
import dev.referrals.benchmarks.report.Machine;
import dev.referrals.benchmarks.report.MarkdownReport;
import dev.referrals.benchmarks.report.ReportBuilder;
import dev.referrals.benchmarks.report.Versions;
import dev.referrals.benchmarks.worker.WorkerBenchmark;
import dev.referrals.benchmarks.worker.WorkerFigures;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.LocalStackSettings;
import dev.referrals.localstack.postgres.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import dev.referrals.benchmarks.BenchmarkOptions.Stage;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One run: starts the local stack on free ports with temporary state (a developer's running stack is left alone),
 * runs the baselines and every stage in turn, then writes {@code <UTC timestamp>.md} and {@code .json} and copies
 * them to {@code latest.md} and {@code latest.json}.
 */
public final class BenchmarkRun {

    private static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";
    /** The local stack's: its own lines, and only warnings from the chatty servers. */
    private static final String LOGBACK_CONFIG = "dev/referrals/localstack/logback-local-stack.xml";
    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    private static final int TOP_PROFILE_ENTRIES = 8;
    private static final int RUN_ID_LENGTH = 8;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final String JDBC_SCHEME = "jdbc:";

    private final BenchmarkSettings settings;
    private final Path moduleDir;
    private final Path reportDir;
    private final Progress progress;

    /**
     * @param moduleDir the benchmarks module: {@code target/services} has the service jars, {@code target/classes}
     *                  and {@code target/classpath.txt} the class path of the Kafka tools and the bare endpoint
     */
    public BenchmarkRun(BenchmarkSettings settings, Path moduleDir, Path reportDir, Progress progress) {
        this.settings = settings;
        this.moduleDir = moduleDir;
        this.reportDir = reportDir;
        this.progress = progress;
    }

    /** Runs every stage and returns the Markdown report's path. */
    public Path run() {
        return run(EnumSet.allOf(BenchmarkOptions.Stage.class)).orElseThrow();
    }

    /** Runs these stages; only a run of all of them writes a report, whose path it returns. */
    public Optional<Path> run(Set<BenchmarkOptions.Stage> stages) {
        if (System.getProperty(LOGBACK_CONFIG_PROPERTY) == null) {
            System.setProperty(LOGBACK_CONFIG_PROPERTY, LOGBACK_CONFIG);
        }
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long started = System.nanoTime();
        String runId = UUID.randomUUID().toString().substring(0, RUN_ID_LENGTH);
        Path workDir = moduleDir.resolve("target").resolve("benchmark-runs").resolve(FILE_TIMESTAMP.format(startedAt));
        progress.line("benchmark (" + settings.preset() + "): starting the local stack; logs and recordings in "
                + workDir);
        try (LocalStack stack = LocalStack.start(LocalStackSettings.forTests());
             ConsumerGroups groups = new ConsumerGroups(stack.kafkaBootstrapServers())) {
            Files.createDirectories(workDir);
            ServiceFigures services = new ServiceFigures();
            ServiceLauncher launcher = new ServiceLauncher(stack, moduleDir.resolve("target").resolve("services"),
                    workDir, services, settings.serviceJvmOptions());
            // Ctrl-C, or a failed stage: no service process and no PostgreSQL may outlive the run.
            Thread cleanUp = new Thread(() -> {
                launcher.stopAll();
                stack.close();
            }, "benchmark-clean-up");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            try {
                return run(stages, startedAt, started, runId, stack, groups, services, launcher, workDir);
            } finally {
                launcher.stopAll();
                removeHook(cleanUp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Path> run(Set<Stage> stages, Instant startedAt, long started, String runId, LocalStack stack,
                               ConsumerGroups groups, ServiceFigures services, ServiceLauncher launcher,
                               Path workDir) throws IOException {
        BenchmarkContext context = new BenchmarkContext(settings, stack, launcher,
                new JavaProcess(classPath(), workDir), groups, new FlightRecorder(workDir),
                new ProfileReader(TOP_PROFILE_ENTRIES), services, progress, List.of(), runId,
                CpuWatch.postgresServer(java.net.URI.create(stack.postgres().coordinates(Postgres.MAINTENANCE_DATABASE)
                        .jdbcUrl().substring(JDBC_SCHEME.length())).getPort()));
        BaselineFigures baselines = stages.contains(Stage.BASELINES) ? new BaselineBenchmark(context).run() : null;
        HttpFigures api = stages.contains(Stage.API) ? new ApiBenchmark(context).run() : null;
        ProcessorFigures processor = stages.contains(Stage.PROCESSOR) ? new ProcessorBenchmark(context).run() : null;
        WorkerFigures worker = stages.contains(Stage.WORKER) ? new WorkerBenchmark(context).run() : null;
        EndToEndFigures endToEnd = stages.contains(Stage.E2E) ? new EndToEndBenchmark(context).run() : null;
        if (!stages.containsAll(EnumSet.allOf(Stage.class))) {
            progress.line("only " + stages + " ran: no report written");
            context.stageProfiles().forEach(profile -> progress.line("profile: " + profile));
            return Optional.empty();
        }
        BenchmarkReport report = new ReportBuilder().build(startedAt.toString(),
                (System.nanoTime() - started) / NANOS_PER_SECOND, Machine.detect(),
                Versions.detect(stack.postgres().coordinates(Postgres.MAINTENANCE_DATABASE)), settings, baselines,
                api, processor, worker, endToEnd, services, context.stageProfiles());
        return Optional.of(write(report, FILE_TIMESTAMP.format(startedAt)));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running: it stops everything itself.
        }
    }

    private Path write(BenchmarkReport report, String name) throws IOException {
        Files.createDirectories(reportDir);
        Path markdown = reportDir.resolve(name + ".md");
        Path json = reportDir.resolve(name + ".json");
        Files.writeString(markdown, new MarkdownReport().render(report));
        Files.writeString(json, new JsonReport().render(report));
        Files.copy(markdown, reportDir.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(json, reportDir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        progress.line("report written: " + markdown + " and " + json + " (copied to latest.md, latest.json)");
        return markdown;
    }

    private String classPath() throws IOException {
        Path target = moduleDir.resolve("target");
        return target.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(target.resolve("classpath.txt")).trim();
    }
}
