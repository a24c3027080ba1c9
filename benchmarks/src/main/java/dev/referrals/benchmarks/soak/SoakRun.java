package dev.referrals.benchmarks.soak;

import dev.referrals.benchmarks.Progress;
import dev.referrals.benchmarks.harness.ConsumerGroups;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.benchmarks.harness.ServiceFigures;
import dev.referrals.benchmarks.harness.ServiceLauncher;
import dev.referrals.localrun.Service;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.LocalStackSettings;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * {@code ./benchmarks/run --soak}: the pipeline under load while its parts are killed, restarted and cut off, then a
 * count, from the topics and the mail sink, of what was lost, conflicting or repeated.
 *
 * <p>It starts the local stack with a three-broker cluster on free ports and temporary state, two instances of each
 * service, and the caller; the faults and the poison records come while the load runs. The report is
 * {@code <UTC timestamp>.md} and {@code .json} in the report directory, copied to {@code latest.md} and
 * {@code latest.json}.
 */
public final class SoakRun {

    static final int BROKERS = 3;

    private static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";
    private static final String LOGBACK_CONFIG = "dev/referrals/localstack/logback-local-stack.xml";
    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    private static final int RUN_ID_LENGTH = 8;
    private static final Duration SAMPLE = Duration.ofSeconds(2);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration LAG_TIMEOUT = Duration.ofMinutes(2);
    private static final int EMAILS_PER_REFERRAL = 2;

    private final SoakSettings settings;
    private final Path moduleDir;
    private final Path reportDir;
    private final Progress progress;

    /** @param moduleDir the benchmarks module: {@code target/services} has the service jars */
    public SoakRun(SoakSettings settings, Path moduleDir, Path reportDir, Progress progress) {
        this.settings = settings;
        this.moduleDir = moduleDir;
        this.reportDir = reportDir;
        this.progress = progress;
    }

    /** The report's Markdown and JSON files, and whether every check passed. */
    public record Result(Path markdown, Path json, boolean passed) {
    }

    public Result run() {
        if (System.getProperty(LOGBACK_CONFIG_PROPERTY) == null) {
            System.setProperty(LOGBACK_CONFIG_PROPERTY, LOGBACK_CONFIG);
        }
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String runId = UUID.randomUUID().toString().substring(0, RUN_ID_LENGTH);
        Path workDir = moduleDir.resolve("target").resolve("soak-runs").resolve(FILE_TIMESTAMP.format(startedAt));
        progress.line("soak (" + settings.preset() + "): starting the local stack with " + BROKERS
                + " brokers; service logs in " + workDir);
        try (LocalStack stack = LocalStack.start(LocalStackSettings.forTests().withKafkaBrokers(BROKERS))) {
            Files.createDirectories(workDir);
            ServiceLauncher launcher = new ServiceLauncher(stack, moduleDir.resolve("target").resolve("services"),
                    workDir, new ServiceFigures(), settings.serviceJvmOptions());
            Thread cleanUp = new Thread(() -> {
                launcher.stopAll();
                stack.close();
            }, "soak-clean-up");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            try {
                SoakReport report = soak(stack, launcher, runId, startedAt);
                return write(report, FILE_TIMESTAMP.format(startedAt));
            } finally {
                launcher.stopAll();
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanUp);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // The hook is running and stops everything itself.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SoakReport soak(LocalStack stack, ServiceLauncher launcher, String runId, Instant startedAt) {
        long started = System.nanoTime();
        TopicNamespace namespace = stack.newTopicNamespace();
        Map<Service, DatabaseCoordinates> databases = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            databases.put(service, stack.newDatabase());
        }
        SoakMarketplace marketplace = new SoakMarketplace("soak-" + runId + "-", settings.jobs(),
                settings.referrersPerJob());
        try (EventProducer producer = new EventProducer(stack, namespace)) {
            marketplace.publishFacts(producer);
        }
        try (SoakServices services = new SoakServices(launcher, namespace, databases, settings.instances());
             ConsumerGroups groups = new ConsumerGroups(stack.kafkaBootstrapServers());
             TopicAudit topics = new TopicAudit(stack, namespace);
             MailAudit mail = new MailAudit(stack.mail());
             PoisonRecords poison = new PoisonRecords(stack, namespace)) {
            services.startAll();
            groups.awaitCaughtUp(Map.of(
                    namespace.group("referral-processor.accounts"), List.of(namespace.name(Topics.ACCOUNTS)),
                    namespace.group("referral-processor.jobs"), List.of(namespace.name(Topics.JOBS)),
                    namespace.group("referral-processor.job-activity"), List.of(namespace.name(Topics.JOB_ACTIVITY)),
                    namespace.group("notification-worker.accounts"), List.of(namespace.name(Topics.ACCOUNTS)),
                    namespace.group("notification-worker.jobs"), List.of(namespace.name(Topics.JOBS))),
                    settings.drainTimeout(), SAMPLE);
            FaultPlan plan = FaultPlan.of(settings);
            progress.line("soak: " + settings.instances() + " instances of each service ready, their facts loaded ("
                    + settings.jobs() + " jobs); offering " + settings.requests() + " declines at " + settings.rate()
                    + "/s for " + settings.loadDuration().toSeconds() + " s, with " + plan.size()
                    + " faults and " + settings.poisonRecords() + " poison records");
            String token = stack.authorizationServer().tokens().serviceToken(LocalIdentities.JOB_SERVICES);
            List<Integer> apiPorts = services.of(Service.REFERRAL_API).stream()
                    .map(instance -> instance.ports().http()).toList();
            try (SoakCaller caller = new SoakCaller(marketplace, apiPorts, token, "soak-" + runId + "-",
                    settings.giveUp())) {
                Instant loadStartedAt = Instant.now();
                caller.start(settings.requests(), settings.rate());
                CompletableFuture<List<PoisonRecords.Poison>> poisonSent = CompletableFuture.supplyAsync(
                        () -> poison.sendSpread(settings.poisonRecords(), settings.loadDuration()));
                List<Fault> faults = new FaultRunner(settings, services, stack.faults(), progress)
                        .run(plan, loadStartedAt);
                List<PoisonRecords.Poison> poisonRecords = poisonSent.join();
                awaitAnswers(caller);
                Map<Long, SoakCaller.Call> calls = caller.calls();
                Set<String> accepted = calls.values().stream()
                        .filter(call -> call.outcome == SoakCaller.Outcome.ACCEPTED)
                        .map(call -> call.requestId).collect(Collectors.toSet());
                drain(topics, mail, accepted, poisonRecords.size());
                Map<String, Map<String, String>> lag = new LagReader(
                        stack.authorizationServer().tokens().serviceToken(LocalIdentities.OPS_CONSOLE))
                        .awaitAllOk(services.all(), LAG_TIMEOUT);
                SoakEvidence evidence = new SoakEvidence(accepted, describe(calls, SoakCaller.Outcome.REFUSED),
                        describe(calls, SoakCaller.Outcome.GAVE_UP), topics.requested(), topics.outcomes(),
                        topics.unreadable(), mail.received(), topics.deadLetters(), poisonRecords,
                        topics.consumingGroups(), lag, count(faults, Fault.Kind.KILL_WORKER),
                        count(faults, Fault.Kind.KILL_WORKER) + count(faults, Fault.Kind.KILL_PROCESSOR)
                                + count(faults, Fault.Kind.KILL_API));
                return new SoakFigures(settings, calls, caller.retries(), loadStartedAt, faults, mail.firstArrival(),
                        evidence)
                        .report(startedAt.toString(), (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private void awaitAnswers(SoakCaller caller) {
        try {
            if (!caller.awaitAnswers(settings.giveUp().plus(settings.loadDuration()))) {
                progress.line("soak: some requests are still unanswered; they count as given up");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the caller's answers", e);
        }
        progress.line("soak: the load is over, " + caller.sent() + " declines sent");
    }

    /**
     * Waits until every accepted request has its decision on the topics, every created referral both its emails,
     * and the dead-letter topics at least one record per poison record, or until the drain timeout.
     */
    private void drain(TopicAudit topics, MailAudit mail, Set<String> accepted, int poisonRecords) {
        Instant deadline = Instant.now().plus(settings.drainTimeout());
        Instant nextLine = Instant.now();
        while (true) {
            topics.catchUp();
            Set<String> decided = topics.outcomes().stream().map(TopicAudit.Outcome::requestId)
                    .collect(Collectors.toSet());
            long undecided = accepted.stream().filter(id -> !decided.contains(id)).count();
            long referrals = topics.outcomes().stream().filter(TopicAudit.Outcome::created)
                    .map(TopicAudit.Outcome::detail).distinct().count();
            long emails = mail.received().size();
            long deadLetters = topics.deadLetters().size();
            boolean done = undecided == 0 && emails >= EMAILS_PER_REFERRAL * referrals
                    && deadLetters >= poisonRecords;
            if (done || Instant.now().isAfter(deadline)) {
                progress.line(String.format("soak: %s: %d of %d accepted requests decided, %d of %d emails, %d dead "
                        + "letters", done ? "drained" : "drain timed out", accepted.size() - undecided,
                        accepted.size(), emails, EMAILS_PER_REFERRAL * referrals, deadLetters));
                return;
            }
            if (!Instant.now().isBefore(nextLine)) {
                progress.line(String.format("soak: draining, %d accepted requests not decided yet, %d of %d emails, "
                        + "%d dead letters", undecided, emails, EMAILS_PER_REFERRAL * referrals, deadLetters));
                nextLine = Instant.now().plus(PROGRESS_EVERY);
            }
            try {
                Thread.sleep(SAMPLE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the pipeline drained", e);
            }
        }
    }

    private static List<String> describe(Map<Long, SoakCaller.Call> calls, SoakCaller.Outcome outcome) {
        return calls.values().stream().filter(call -> call.outcome == outcome)
                .map(call -> call.key + ": " + call.refusal).toList();
    }

    private static int count(List<Fault> faults, Fault.Kind kind) {
        return (int) faults.stream().filter(fault -> fault.kind() == kind).count();
    }

    private Result write(SoakReport report, String name) throws IOException {
        Files.createDirectories(reportDir);
        Path markdown = reportDir.resolve(name + ".md");
        Path json = reportDir.resolve(name + ".json");
        Files.writeString(markdown, new SoakMarkdown().render(report));
        Files.writeString(json, SoakJson.render(report));
        Files.copy(markdown, reportDir.resolve("latest.md"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(json, reportDir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING);
        progress.line("soak report written: " + markdown + " and " + json + " (copied to latest.md, latest.json); "
                + (report.passed() ? "every check passed" : "CHECKS FAILED"));
        return new Result(markdown, json, report.passed());
    }
}
