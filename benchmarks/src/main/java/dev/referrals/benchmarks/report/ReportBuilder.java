package dev.referrals.benchmarks.report;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.api.HttpFigures;
import dev.referrals.benchmarks.baseline.BaselineFigures;
import dev.referrals.benchmarks.endtoend.EndToEndBenchmark;
import dev.referrals.benchmarks.endtoend.EndToEndFigures;
import dev.referrals.benchmarks.harness.CpuWatch;
import dev.referrals.benchmarks.harness.ServiceFigures;
import dev.referrals.benchmarks.load.LatencySummary;
import dev.referrals.benchmarks.load.OpenLoopResult;
import dev.referrals.benchmarks.processor.ProcessorFigures;
import dev.referrals.benchmarks.profile.StageProfile;
import dev.referrals.benchmarks.worker.WorkerFigures;
import dev.referrals.localrun.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns a run's results into the report: every figure flat, the ratios to baselines, and the goals. */
public final class ReportBuilder {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;
    private static final String PER_SECOND = "/s";
    private static final String MS = "ms";
    private static final double PERCENT = 100.0;

    /** The goals. */
    static final double PROCESSOR_GOAL = 10_000;
    static final double API_GOAL = 3_000;
    static final double API_SHARE_OF_BARE_GOAL = 0.5;
    static final int API_LATENCY_GOAL_RATE = 1_000;
    static final double API_P99_GOAL_MS = 25;
    static final double END_TO_END_P99_GOAL_MS = 500;
    static final double WORKER_GOAL = 1_000;
    static final double RSS_GOAL_MB = 256;

    private final List<Figure> figures = new ArrayList<>();

    public BenchmarkReport build(String startedAt, double runSeconds, Machine machine, Versions versions,
                                 BenchmarkSettings settings, BaselineFigures baselines, HttpFigures api,
                                 ProcessorFigures processor, WorkerFigures worker, EndToEndFigures endToEnd,
                                 ServiceFigures services, List<StageProfile> profiles) {
        figures.clear();
        baselineFigures(baselines);
        httpFigures("api", "API", api);
        processorFigures(processor);
        add("worker.emails_per_s", "worker: emails accepted by the SMTP sink per second, draining the backlog",
                worker.drain().perSecond(), PER_SECOND);
        cpu("worker.drain", "worker drain", worker.cpu());
        for (EndToEndFigures.Rate rate : endToEnd.rates()) {
            latency("e2e." + rate.offeredPerSecond(), "end to end at " + rate.offeredPerSecond()
                    + "/s: 202 to both emails accepted", rate.latency());
            add("e2e." + rate.offeredPerSecond() + ".referrals", "end to end at " + rate.offeredPerSecond()
                    + "/s: referrals with both emails", rate.referrals(), "");
            cpu("e2e." + rate.offeredPerSecond(), "end to end at " + rate.offeredPerSecond() + "/s", rate.cpu());
        }
        List<BenchmarkReport.ServiceRow> rows = new ArrayList<>();
        for (Service service : Service.values()) {
            BenchmarkReport.ServiceRow row = new BenchmarkReport.ServiceRow(service.module(),
                    services.startUp(service).toNanos() / NANOS_PER_SECOND, services.peakRss(service) / BYTES_PER_MB,
                    services.rssAtGoalRate(service) / BYTES_PER_MB);
            rows.add(row);
            add("service." + service.module() + ".startup_s", service.module() + ": start-up, launch to ready",
                    row.startUpSeconds(), "s");
            add("service." + service.module() + ".peak_rss_mb", service.module() + ": peak RSS in the run (VmHWM)",
                    row.peakRssMb(), "MB");
            add("service." + service.module() + ".rss_at_goal_rate_mb", service.module()
                    + ": highest RSS while the pipeline ran at the goal's rate", row.rssAtGoalRateMb(), "MB");
        }
        List<String> bottlenecks = profiles.stream().map(Bottlenecks::of).toList();
        return new BenchmarkReport(startedAt, runSeconds, machine, versions, settings, baselines, api, processor,
                worker, endToEnd, rows, List.copyOf(figures), ratios(baselines, api, processor, worker, endToEnd),
                goals(baselines, api, processor, worker, endToEnd, rows, profiles), profiles, bottlenecks);
    }

    private void baselineFigures(BaselineFigures baselines) {
        add("baseline.kafka.record_bytes", "Kafka baseline: record size (a ReferralRequested in the wire format)",
                baselines.recordBytes(), "bytes");
        add("baseline.kafka.producer_per_s", "Kafka ProducerPerformance, acks=all, full speed",
                baselines.kafkaProducer().recordsPerSecond(), PER_SECOND);
        latency("baseline.kafka.producer_at_" + baselines.kafkaLatencyRate(), "Kafka ProducerPerformance at "
                + baselines.kafkaLatencyRate() + "/s, send to ack", baselines.kafkaProducerAtRate().latency());
        add("baseline.kafka.consumer_per_s", "Kafka ConsumerPerformance, records fetched per second",
                baselines.kafkaConsumerPerSecond(), PER_SECOND);
        add("baseline.postgres.single_row_commits_per_s", "PostgreSQL: single-row insert commits per second, "
                + "referral table constraints", baselines.postgres().singleRowCommitsPerSecond(), PER_SECOND);
        add("baseline.postgres.batched_rows_per_s", "PostgreSQL: rows per second inserted 500 per commit",
                baselines.postgres().batchedRowsPerSecond(), PER_SECOND);
        add("baseline.smtp.connection_per_message_per_s", "SMTP sink: messages per second, a connection each",
                baselines.smtp().connectionPerMessagePerSecond(), PER_SECOND);
        add("baseline.smtp.one_connection_per_s", "SMTP sink: messages per second over one connection",
                baselines.smtp().oneConnectionPerSecond(), PER_SECOND);
        httpFigures("baseline.bare", "bare endpoint", baselines.bareEndpoint());
    }

    private void httpFigures(String id, String name, HttpFigures http) {
        add(id + ".startup_s", name + ": start-up, launch to first answer", http.startUpSeconds(), "s");
        add(id + ".closed_loop_per_s", name + ": accepted per second, closed loop of "
                + http.closedLoop().connections() + " connections", http.closedLoop().perSecond(), PER_SECOND);
        latency(id + ".closed_loop", name + ": latency in the closed loop", http.closedLoop().latency());
        cpu(id + ".closed_loop", name + " closed loop", http.closedLoopCpu());
        for (OpenLoopResult rate : http.openLoop()) {
            latency(id + ".open_" + rate.offeredPerSecond(), name + ": open loop at " + rate.offeredPerSecond()
                    + "/s, from scheduled send", rate.latency());
            add(id + ".open_" + rate.offeredPerSecond() + ".achieved_per_s", name + ": open loop at "
                    + rate.offeredPerSecond() + "/s, achieved", rate.achievedPerSecond(), PER_SECOND);
        }
    }

    private void processorFigures(ProcessorFigures processor) {
        add("processor.ledger_facts", "processor: upstream facts in its ledger", processor.ledgerFacts(), "");
        add("processor.ledger_load_s", "processor: start and load of its ledger", processor.ledgerLoadSeconds(), "s");
        add("processor.decisions_per_s", "processor: decisions per second draining the backlog, concurrency "
                + processor.concurrency(), processor.drain().perSecond(), PER_SECOND);
        cpu("processor.drain", "processor drain", processor.drainCpu());
        add("processor.created", "processor: ReferralCreated in the main drain and its warm-up", processor.created(), "");
        add("processor.rejected", "processor: ReferralRejected in the main drain and its warm-up", processor.rejected(), "");
        for (ProcessorFigures.SweepPoint point : processor.sweep()) {
            add("processor.sweep.concurrency_" + point.concurrency() + "_per_s", "processor: decisions per second, "
                    + "listener concurrency " + point.concurrency(), point.drain().perSecond(), PER_SECOND);
        }
    }

    /** How busy the machine was, and the cores of the harness and PostgreSQL, which every stage shares. */
    private void cpu(String id, String label, CpuWatch.Usage usage) {
        add(id + ".machine_busy_pct", label + ": machine CPU busy", usage.machineBusy() * PERCENT, "%");
        usage.coresByName().forEach((name, cores) -> add(id + ".cores." + name.replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_|_$", "").toLowerCase(java.util.Locale.ROOT), label + ": cores used by " + name,
                cores, "cores"));
    }

    private void latency(String id, String label, LatencySummary latency) {
        add(id + ".p50_ms", label + ", p50", latency.p50(), MS);
        add(id + ".p95_ms", label + ", p95", latency.p95(), MS);
        add(id + ".p99_ms", label + ", p99", latency.p99(), MS);
    }

    private void add(String id, String label, double value, String unit) {
        figures.add(new Figure(id, label, value, unit));
    }

    private static List<Ratio> ratios(BaselineFigures baselines, HttpFigures api, ProcessorFigures processor,
                                      WorkerFigures worker, EndToEndFigures endToEnd) {
        List<Ratio> ratios = new ArrayList<>();
        ratios.add(Ratio.of("API, closed loop", api.closedLoop().perSecond(), "bare endpoint, closed loop",
                baselines.bareEndpoint().closedLoop().perSecond(), PER_SECOND,
                "share of a bare Spring MVC endpoint's throughput the API keeps"));
        for (OpenLoopResult rate : api.openLoop()) {
            bareAt(baselines, rate.offeredPerSecond()).ifPresent(bare -> ratios.add(Ratio.of(
                    "API p99 at " + rate.offeredPerSecond() + "/s", rate.latency().p99(),
                    "bare endpoint p99 at " + rate.offeredPerSecond() + "/s", bare.latency().p99(), MS,
                    "how many times the bare endpoint's tail latency")));
        }
        ratios.add(Ratio.of("processor decisions", processor.drain().perSecond(),
                "PostgreSQL single-row commits", baselines.postgres().singleRowCommitsPerSecond(), PER_SECOND,
                "above 1: the processor beats a commit per decision"));
        ratios.add(Ratio.of("processor decisions", processor.drain().perSecond(),
                "PostgreSQL rows in batches of 500", baselines.postgres().batchedRowsPerSecond(), PER_SECOND,
                "share of PostgreSQL's batched insert rate"));
        ratios.add(Ratio.of("processor decisions", processor.drain().perSecond(), "Kafka consumer records",
                baselines.kafkaConsumerPerSecond(), PER_SECOND, "share of what one consumer can fetch"));
        ratios.add(Ratio.of("worker emails", worker.drain().perSecond(), "SMTP sends, a connection each",
                baselines.smtp().connectionPerMessagePerSecond(), PER_SECOND,
                "share of the sink's rate with a new connection per message"));
        ratios.add(Ratio.of("worker emails", worker.drain().perSecond(), "SMTP sends over one connection",
                baselines.smtp().oneConnectionPerSecond(), PER_SECOND,
                "share of the sink's rate over one connection"));
        for (EndToEndFigures.Rate rate : endToEnd.rates()) {
            ratios.add(Ratio.of("end to end p99 at " + rate.offeredPerSecond() + "/s", rate.latency().p99(),
                    "Kafka acks=all p99 at " + baselines.kafkaLatencyRate() + "/s",
                    baselines.kafkaProducerAtRate().latency().p99(), MS,
                    "how many Kafka hops' worth of tail latency (the pipeline makes three hops and two SMTP sends)"));
        }
        processor.sweep().stream().min(Comparator.comparingInt(ProcessorFigures.SweepPoint::concurrency))
                .ifPresent(single -> processor.sweep().forEach(point -> ratios.add(Ratio.of(
                        "processor at concurrency " + point.concurrency(), point.drain().perSecond(),
                        "processor at concurrency " + single.concurrency(), single.drain().perSecond(), PER_SECOND,
                        "scaling with listener concurrency"))));
        return ratios;
    }

    private static List<Goal> goals(BaselineFigures baselines, HttpFigures api, ProcessorFigures processor,
                                    WorkerFigures worker, EndToEndFigures endToEnd,
                                    List<BenchmarkReport.ServiceRow> services, List<StageProfile> profiles) {
        List<Goal> goals = new ArrayList<>();
        double decisions = processor.drain().perSecond();
        goals.add(new Goal("processor", "≥ 10,000 decisions/s", String.format("%.0f decisions/s", decisions),
                decisions >= PROCESSOR_GOAL, String.format("%.2f× PostgreSQL's single-row commits (%.0f/s) and %.2f× "
                        + "its batched inserts (%.0f rows/s) on this machine; %s", decisions
                        / baselines.postgres().singleRowCommitsPerSecond(), baselines.postgres()
                        .singleRowCommitsPerSecond(), decisions / baselines.postgres().batchedRowsPerSecond(),
                baselines.postgres().batchedRowsPerSecond(), profile(profiles, "referral-processor"))));
        double accepted = api.closedLoop().perSecond();
        double bare = baselines.bareEndpoint().closedLoop().perSecond();
        goals.add(new Goal("API", "≥ 3,000 declines/s", String.format("%.0f/s", accepted), accepted >= API_GOAL,
                profile(profiles, "referral-api")));
        goals.add(new Goal("API", "≥ 50 % of the bare endpoint", String.format("%.1f %% (%.0f of %.0f/s)",
                100 * accepted / bare, accepted, bare), accepted / bare >= API_SHARE_OF_BARE_GOAL,
                "each decline is a database transaction (Idempotency-Key, PENDING row) around a Kafka transaction "
                        + "(begin, two sends, commit with acks=all): several round trips where the bare endpoint "
                        + "has none"));
        OpenLoopResult apiAtGoal = closest(api.openLoop(), API_LATENCY_GOAL_RATE);
        goals.add(new Goal("API", "p99 ≤ 25 ms at 1,000/s", String.format("%.1f ms at %d/s", apiAtGoal.latency().p99(),
                apiAtGoal.offeredPerSecond()), apiAtGoal.offeredPerSecond() == API_LATENCY_GOAL_RATE
                && apiAtGoal.latency().p99() <= API_P99_GOAL_MS, rateNote(apiAtGoal.offeredPerSecond(),
                API_LATENCY_GOAL_RATE) + String.format("%.0f %% of the closed-loop maximum; the open loop counts "
                + "queueing from the scheduled send", 100.0 * apiAtGoal.offeredPerSecond() / accepted)));
        EndToEndFigures.Rate e2e = endToEnd.rates().stream().min(Comparator.comparingInt(rate ->
                Math.abs(rate.offeredPerSecond() - EndToEndBenchmark.GOAL_RATE))).orElseThrow();
        goals.add(new Goal("end to end", "p99 ≤ 500 ms at 500/s", String.format("%.0f ms at %d/s",
                e2e.latency().p99(), e2e.offeredPerSecond()), e2e.offeredPerSecond() == EndToEndBenchmark.GOAL_RATE
                && e2e.latency().p99() <= END_TO_END_P99_GOAL_MS, rateNote(e2e.offeredPerSecond(),
                EndToEndBenchmark.GOAL_RATE) + "three Kafka hops, the processor's batch and the worker's two SMTP "
                + "sends; the processor and the worker run beside the API on the same two cores"));
        double emails = worker.drain().perSecond();
        goals.add(new Goal("worker", "≥ 1,000 emails/s", String.format("%.0f emails/s", emails), emails >= WORKER_GOAL,
                String.format("the sink takes %.0f messages/s with a connection each and %.0f/s over one connection; %s",
                        baselines.smtp().connectionPerMessagePerSecond(), baselines.smtp().oneConnectionPerSecond(),
                        profile(profiles, "notification-worker"))));
        boolean withinMemory = services.stream().allMatch(row -> row.rssAtGoalRateMb() <= RSS_GOAL_MB);
        goals.add(new Goal("every service", "≤ 256 MB RSS at 500/s", services.stream()
                .map(row -> String.format("%s %.0f MB", row.module(), row.rssAtGoalRateMb()))
                .collect(Collectors.joining(", ")), withinMemory,
                rateNote(e2e.offeredPerSecond(), EndToEndBenchmark.GOAL_RATE) + "heap capped at 192 MB with the "
                        + "serial collector (PipelineSettings.DEFAULT_JVM_OPTIONS); the rest is metaspace, code cache "
                        + "and thread stacks"));
        return goals;
    }

    private static String rateNote(int measured, int goal) {
        return measured == goal ? "" : "measured at " + measured + "/s, the closest rate of this preset; ";
    }

    private static String profile(List<StageProfile> profiles, String service) {
        return profiles.stream().filter(profile -> profile.service().equals(service)).findFirst()
                .map(Bottlenecks::of).orElse("not profiled");
    }

    private static Optional<OpenLoopResult> bareAt(BaselineFigures baselines, int rate) {
        return baselines.bareEndpoint().openLoop().stream().filter(result -> result.offeredPerSecond() == rate)
                .findFirst();
    }

    private static OpenLoopResult closest(List<OpenLoopResult> results, int rate) {
        return results.stream().min(Comparator.comparingInt(result -> Math.abs(result.offeredPerSecond() - rate)))
                .orElseThrow();
    }
}
