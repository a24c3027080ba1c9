package dev.referrals.benchmarks.report;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.api.HttpFigures;
import dev.referrals.benchmarks.endtoend.EndToEndFigures;
import dev.referrals.benchmarks.harness.CpuText;
import dev.referrals.benchmarks.load.LatencySummary;
import dev.referrals.benchmarks.load.OpenLoopResult;
import dev.referrals.benchmarks.processor.ProcessorFigures;
import dev.referrals.benchmarks.profile.StageProfile;
import java.util.List;
import java.util.Locale;

/** The report as Markdown: a summary first, then each stage, the ratios, the goals and the profiles. */
public final class MarkdownReport {

    /** The sections every report has, in order; the smoke test checks them. */
    public static final List<String> SECTIONS = List.of("Summary", "Machine", "Versions", "Settings", "Baselines",
            "API", "Processor", "Scaling sweep", "Worker", "End to end", "Services: start-up and memory",
            "Ratios to baselines", "Goals", "Profiles and bottlenecks", "Every figure", "How it is measured");

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double PERCENT = 100.0;

    private final StringBuilder out = new StringBuilder();

    public String render(BenchmarkReport report) {
        out.setLength(0);
        BenchmarkSettings settings = report.settings();
        line("# Referral pipeline benchmark, " + report.startedAt());
        line("");
        line(String.format("Preset `%s`, run in %.0f s. Written by `./benchmarks/run%s`. Only the ratios of figures "
                + "measured in this run on this machine are meaningful; absolute figures move with the machine and "
                + "its other load.", settings.preset(), report.runSeconds(),
                "smoke".equals(settings.preset()) ? " --smoke" : ""));
        if ("smoke".equals(settings.preset())) {
            line("");
            line("**Smoke preset: toy sizes that prove the harness works. Its figures measure nothing.**");
        }
        summary(report);
        machine(report);
        settings(settings);
        baselines(report);
        http("API", "Declines with a referral (each with its own Idempotency-Key), the API alone (the processor and "
                + "the worker are not running).", report.api());
        processor(report.processor());
        sweep(report.processor());
        worker(report);
        endToEnd(report.endToEnd());
        services(report);
        ratios(report);
        goals(report);
        profiles(report);
        figures(report);
        method();
        return out.toString();
    }

    private void summary(BenchmarkReport report) {
        section("Summary");
        line("| stage | figure | baseline (same run) | ratio |");
        line("|---|---|---|---|");
        double bare = report.baselines().bareEndpoint().closedLoop().perSecond();
        row("API", perSecond(report.api().closedLoop().perSecond()) + " declines", "bare endpoint " + perSecond(bare),
                ratio(report.api().closedLoop().perSecond() / bare));
        for (OpenLoopResult rate : report.api().openLoop()) {
            row("API at " + rate.offeredPerSecond() + "/s", "p50 / p95 / p99 " + percentiles(rate.latency()), "", "");
        }
        double single = report.baselines().postgres().singleRowCommitsPerSecond();
        row("processor", perSecond(report.processor().drain().perSecond()) + " decisions",
                "PostgreSQL " + perSecond(single) + " single-row commits", ratio(report.processor().drain().perSecond()
                        / single));
        double smtp = report.baselines().smtp().oneConnectionPerSecond();
        row("worker", perSecond(report.worker().drain().perSecond()) + " emails", "SMTP sink " + perSecond(smtp)
                + " over one connection", ratio(report.worker().drain().perSecond() / smtp));
        for (EndToEndFigures.Rate rate : report.endToEnd().rates()) {
            row("end to end at " + rate.offeredPerSecond() + "/s", "p50 / p95 / p99 " + percentiles(rate.latency()),
                    "Kafka acks=all p99 " + ms(report.baselines().kafkaProducerAtRate().latency().p99()),
                    ratio(rate.latency().p99() / report.baselines().kafkaProducerAtRate().latency().p99()));
        }
        line("");
        long met = report.goals().stream().filter(Goal::met).count();
        line(String.format("Goals met: %d of %d (see [Goals](#goals)).", met, report.goals().size()));
    }

    private void machine(BenchmarkReport report) {
        section("Machine");
        Machine machine = report.machine();
        line("| cores | memory | CPU | OS | JVM |");
        line("|---|---|---|---|---|");
        row(String.valueOf(machine.cores()), String.format("%.1f GiB", machine.memoryBytes() / GIB), machine.cpu(),
                machine.os(), machine.jvm());
        section("Versions");
        Versions versions = report.versions();
        line("| project | Kafka (broker and clients) | Spring Boot | PostgreSQL | Java |");
        line("|---|---|---|---|---|");
        row(versions.project(), versions.kafka(), versions.springBoot(), versions.postgres(), versions.java());
    }

    private void settings(BenchmarkSettings settings) {
        section("Settings");
        line("| what | value |");
        line("|---|---|");
        BenchmarkSettings.Api api = settings.api();
        row("API closed loop", api.closedLoopConnections() + " connections, measured "
                + api.closedLoopDuration().toSeconds() + " s, after a warm-up of up to " + api.warmUp().maxRounds()
                + " rounds of " + api.warmUp().round().toSeconds() + " s, each followed by a pause of up to "
                + settings.jitSettle().toSeconds() + " s for the JIT's compile queue");
        row("API open loop", "rates " + api.rates() + " per second, " + api.rateDuration().toSeconds() + " s each, up to "
                + api.openLoopConnections() + " connections");
        BenchmarkSettings.Processor processor = settings.processor();
        row("processor ledger", processor.freelancers() + " freelancers, " + processor.jobs() + " jobs ("
                + processor.jobsPerClient() + " per client), " + processor.activityPerJob()
                + " unrelated activity rows per job, plus the rows the rejected requests collide with");
        row("processor backlog", processor.warmUp() + " ReferralRequested to warm up, then " + processor.backlog()
                + " measured, per drain; concurrency "
                + processor.defaultConcurrency() + " (default), sweep " + processor.sweepConcurrency());
        BenchmarkSettings.Worker worker = settings.worker();
        row("worker", worker.warmUp() + " ReferralCreated to warm up, then " + worker.backlog()
                + " measured (" + 2 * worker.backlog() + " emails); directory of "
                + worker.freelancers() + " freelancers and " + worker.jobs() + " jobs");
        BenchmarkSettings.EndToEnd endToEnd = settings.endToEnd();
        row("end to end", "rates " + endToEnd.rates() + " per second, " + endToEnd.duration().toSeconds() + " s each"
                + (endToEnd.warmUpRequests() == 0 ? ", no warm-up" : ", after a warm-up of "
                + endToEnd.warmUp().toSeconds() + " s at " + endToEnd.warmUpRate() + "/s"));
        BenchmarkSettings.Baselines baselines = settings.baselines();
        row("baselines", baselines.kafkaRecords() + " Kafka records; latency at " + baselines.kafkaLatencyRate()
                + "/s over " + baselines.kafkaLatencyRecords() + " records; PostgreSQL for "
                + baselines.postgresDuration().toSeconds() + " s per mode; " + baselines.smtpMessages()
                + " SMTP messages per mode");
        row("services' JVM options", String.join(" ", settings.serviceJvmOptions()));
    }

    private void baselines(BenchmarkReport report) {
        section("Baselines");
        var baselines = report.baselines();
        line("| baseline | figure |");
        line("|---|---|");
        row("Kafka ProducerPerformance, " + baselines.recordBytes() + "-byte records, acks=all",
                perSecond(baselines.kafkaProducer().recordsPerSecond()) + " records");
        row("Kafka ProducerPerformance at " + baselines.kafkaLatencyRate() + "/s, send to acknowledgement",
                "p50 / p95 / p99 " + percentiles(baselines.kafkaProducerAtRate().latency()));
        row("Kafka ConsumerPerformance", perSecond(baselines.kafkaConsumerPerSecond()) + " records");
        row("PostgreSQL, single-row insert commits (referral table's unique constraints)",
                perSecond(baselines.postgres().singleRowCommitsPerSecond()));
        row("PostgreSQL, rows inserted 500 per commit", perSecond(baselines.postgres().batchedRowsPerSecond()));
        row("SMTP sink, a connection per message", perSecond(baselines.smtp().connectionPerMessagePerSecond()));
        row("SMTP sink, one connection", perSecond(baselines.smtp().oneConnectionPerSecond()));
        http("Bare endpoint", "Spring MVC on Tomcat answering 202 to the same requests, nothing behind it, same JVM "
                + "options and load tool.", baselines.bareEndpoint());
    }

    private void http(String name, String what, HttpFigures figures) {
        if ("API".equals(name)) {
            section("API");
        } else {
            line("");
            line("**" + name + ".** ");
        }
        line(what + String.format(" Start-up %.1f s. Warm-up rounds: %s.", figures.startUpSeconds(),
                warmUp(figures.warmUp())));
        line("");
        line("| load | accepted/s | p50 | p95 | p99 | max | failed |");
        line("|---|---|---|---|---|---|---|");
        var closed = figures.closedLoop();
        row("closed loop, " + closed.connections() + " connections", perSecond(closed.perSecond()),
                ms(closed.latency().p50()), ms(closed.latency().p95()), ms(closed.latency().p99()),
                ms(closed.latency().max()), String.valueOf(closed.failed()));
        for (OpenLoopResult rate : figures.openLoop()) {
            row("open loop at " + rate.offeredPerSecond() + "/s", perSecond(rate.achievedPerSecond()),
                    ms(rate.latency().p50()), ms(rate.latency().p95()), ms(rate.latency().p99()),
                    ms(rate.latency().max()), String.valueOf(rate.failed()));
        }
        line("");
        line("CPU during the closed loop: " + CpuText.of(figures.closedLoopCpu()) + ".");
    }

    private static String warmUp(List<HttpFigures.WarmUpRound> rounds) {
        return rounds.stream().map(round -> perSecond(round.perSecond()) + " (" + round.jit() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private void processor(ProcessorFigures processor) {
        section("Processor");
        line(String.format("Ledger: %d upstream facts, loaded in %.1f s (start included). Then, by the same process, "
                        + "a warm-up backlog, a pause for the JIT, and the measured backlog of ReferralRequested at "
                        + "listener concurrency %d: **%s decisions** (%d decisions in %.1f s, from the end of "
                        + "publishing the backlog to its last decision; those made while it was published are left "
                        + "out); %d created, %d rejected in all.",
                processor.ledgerFacts(), processor.ledgerLoadSeconds(), processor.concurrency(),
                perSecond(processor.drain().perSecond()), processor.drain().items(), processor.drain().seconds(),
                processor.created(), processor.rejected()));
        line("");
        line("CPU during the drain: " + CpuText.of(processor.drainCpu()) + ".");
    }

    private void sweep(ProcessorFigures processor) {
        section("Scaling sweep");
        line("The same backlog size on `referrals.referral-requested` (6 partitions), a fresh one per point, each "
                + "point a start of the processor with its own warm-up; a point at the default concurrency ("
                + processor.concurrency() + ") is the main drain.");
        line("");
        line("| listener concurrency | decisions/s | drain | vs. concurrency " + processor.sweep().get(0).concurrency()
                + " | CPU |");
        line("|---|---|---|---|---|");
        double first = processor.sweep().get(0).drain().perSecond();
        for (ProcessorFigures.SweepPoint point : processor.sweep()) {
            row(String.valueOf(point.concurrency()), perSecond(point.drain().perSecond()),
                    String.format("%.1f s", point.drain().seconds()), ratio(point.drain().perSecond() / first),
                    CpuText.of(point.cpu()));
        }
    }

    private void worker(BenchmarkReport report) {
        section("Worker");
        var worker = report.worker();
        line(String.format("After a warm-up backlog and a pause for the JIT, a backlog of %d ReferralCreated: **%s "
                        + "emails** accepted by the SMTP sink (%d emails in %.1f s, from the end of publishing the "
                        + "backlog to the last email; those sent while it was published are left out); the sink, "
                        + "emptied after the warm-up, held %d emails afterwards.",
                worker.referrals(), perSecond(worker.drain().perSecond()), worker.drain().items(),
                worker.drain().seconds(), worker.inSink()));
        line("");
        line("CPU during the drain: " + CpuText.of(worker.cpu()) + ".");
    }

    private void endToEnd(EndToEndFigures endToEnd) {
        section("End to end");
        line("All three services in one namespace; every decline's referral is created. Latency from the API's 202 to "
                + "the second of the referral's two emails accepted by the SMTP sink.");
        line("");
        line("| offered | API achieved | API p99 | referrals | p50 | p95 | p99 | max |");
        line("|---|---|---|---|---|---|---|---|");
        for (EndToEndFigures.Rate rate : endToEnd.rates()) {
            row(rate.offeredPerSecond() + "/s", perSecond(rate.api().achievedPerSecond()), ms(rate.api().latency().p99()),
                    String.valueOf(rate.referrals()), ms(rate.latency().p50()), ms(rate.latency().p95()),
                    ms(rate.latency().p99()), ms(rate.latency().max()));
        }
        line("");
        for (EndToEndFigures.Rate rate : endToEnd.rates()) {
            line("- CPU at " + rate.offeredPerSecond() + "/s: " + CpuText.of(rate.cpu()) + ".");
        }
    }

    private void services(BenchmarkReport report) {
        section("Services: start-up and memory");
        line("| service | start-up (alone) | peak RSS in the run | RSS at the goal's rate |");
        line("|---|---|---|---|");
        for (BenchmarkReport.ServiceRow service : report.services()) {
            row(service.module(), String.format("%.1f s", service.startUpSeconds()),
                    String.format("%.0f MB", service.peakRssMb()), String.format("%.0f MB", service.rssAtGoalRateMb()));
        }
    }

    private void ratios(BenchmarkReport report) {
        section("Ratios to baselines");
        line("| pipeline | baseline | ratio | meaning |");
        line("|---|---|---|---|");
        for (Ratio ratio : report.ratios()) {
            row(ratio.pipeline() + " " + number(ratio.pipelineValue()) + " " + ratio.unit(), ratio.baseline() + " "
                    + number(ratio.baselineValue()) + " " + ratio.unit(), ratio(ratio.ratio()), ratio.meaning());
        }
    }

    private void goals(BenchmarkReport report) {
        section("Goals");
        line("Goals, not tests: where each stage stands, and why.");
        line("");
        line("| stage | goal | measured | met | why |");
        line("|---|---|---|---|---|");
        for (Goal goal : report.goals()) {
            row(goal.stage(), goal.target(), goal.measured(), goal.met() ? "yes" : "**no**", goal.why());
        }
    }

    private void profiles(BenchmarkReport report) {
        section("Profiles and bottlenecks");
        line("Java Flight Recorder in each service during its measured window, recording stack samples only (Java "
                + "every 10 ms, native every 20 ms; the JDK's `profile` settings cost the API three quarters of its "
                + "throughput). A sample is "
                + "counted for the innermost frame outside the JDK, by component. CPU: Java stack samples; waiting: "
                + "native samples of threads blocked in I/O (idle selectors and acceptors left out).");
        line("");
        report.bottlenecks().forEach(bottleneck -> line("- " + bottleneck));
        for (StageProfile profile : report.profiles()) {
            line("");
            line(String.format("**%s, %s**: %d CPU samples, %d waiting samples.", profile.service(), profile.stage(),
                    profile.cpuSamples(), profile.waitSamples()));
            line("");
            line("| CPU by component | share | hottest methods | share |");
            line("|---|---|---|---|");
            int rows = Math.max(profile.cpuComponents().size(), profile.cpuFrames().size());
            for (int i = 0; i < rows; i++) {
                row(i < profile.cpuComponents().size() ? profile.cpuComponents().get(i).name() : "",
                        i < profile.cpuComponents().size() ? percent(profile.cpuComponents().get(i).share()) : "",
                        i < profile.cpuFrames().size() ? "`" + profile.cpuFrames().get(i).name() + "`" : "",
                        i < profile.cpuFrames().size() ? percent(profile.cpuFrames().get(i).share()) : "");
            }
        }
    }

    private void figures(BenchmarkReport report) {
        section("Every figure");
        line("| id | figure | value |");
        line("|---|---|---|");
        for (Figure figure : report.figures()) {
            row("`" + figure.id() + "`", figure.label(), number(figure.value()) + " " + figure.unit());
        }
    }

    private void method() {
        section("How it is measured");
        line("- **Closed loop**: each connection sends its next request when the last is answered: the maximum "
                + "throughput. Its latency hides queueing, so latency goals use the open loop.");
        line("- **Open loop**: requests are scheduled at a fixed rate whatever the server does, and each latency runs "
                + "from the scheduled send, so a stalled server's backlog shows in the percentiles (no coordinated "
                + "omission).");
        line("- **Warm-up**: no figure comes from a cold JVM. The HTTP endpoints get rounds of closed-loop load until "
                + "their rate stops rising; a consuming service first works off a warm-up backlog. After each, the "
                + "load stops until the service's JIT compile queue is quiet (`jcmd Compiler.queue`): under load that "
                + "keeps both cores busy, its one C2 thread falls behind by thousands of methods. A profiled service "
                + "has its flight recorder switched on before its warm-up, because the first recording in a JVM "
                + "throws away compiled code.");
        line("- **Drain**: a warm service is sent a backlog as fast as the harness's producer goes; the rate runs "
                + "from the end of publishing to its last effect (a decision on the outcome topics, an email in the "
                + "worker's ledger of accepted emails), sampled every 100 ms, over the effects not yet made when "
                + "publishing ended.");
        line("- **End to end**: from the 202 to the later of the two emails, as the worker's ledger stamps the SMTP "
                + "sink's acceptance (same machine, same clock).");
        line("- **Memory**: RSS from `/proc/<pid>/status`: VmHWM before each stop; VmRSS sampled during the goal's rate.");
        line("- Everything runs on this machine: the broker, the registry, GreenMail and the load tool share the JVM "
                + "of the harness; PostgreSQL and each service run as processes. GreenMail slows down with every "
                + "mailbox it holds, so its mailboxes are deleted between stages and between end-to-end rates.");
    }

    private void section(String title) {
        line("");
        line("## " + title);
        line("");
    }

    private void row(String... cells) {
        line("| " + String.join(" | ", java.util.Arrays.stream(cells).map(cell -> cell.replace("|", "\\|")).toList())
                + " |");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private static String percentiles(LatencySummary latency) {
        return ms(latency.p50()) + " / " + ms(latency.p95()) + " / " + ms(latency.p99());
    }

    private static String perSecond(double value) {
        return number(value) + "/s";
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * PERCENT);
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
