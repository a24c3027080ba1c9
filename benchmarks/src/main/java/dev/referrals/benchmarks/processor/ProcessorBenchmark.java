package dev.referrals.benchmarks.processor;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.data.LedgerPlan;
import dev.referrals.benchmarks.data.Marketplace;
import dev.referrals.benchmarks.harness.BenchmarkContext;
import dev.referrals.benchmarks.harness.CpuText;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.benchmarks.harness.RunningService;
import dev.referrals.benchmarks.harness.WarmDrain;
import dev.referrals.localrun.Service;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processor alone, on a ledger of many accounts, jobs and activity rows: decisions per second while draining a
 * backlog of pre-produced ReferralRequested, at its default listener concurrency, then once per concurrency of the
 * scaling sweep.
 *
 * <p>The processor that loads the ledger makes the main drain; each sweep point is a start with the concurrency under
 * test. Every drain is a {@link WarmDrain}: a warm-up backlog, a pause for the JIT, then the measured backlog, timed
 * from the end of its publishing to its last decision. The facts are loaded before any request, and the late-facts
 * grace period is zero, so a drain measures deciding, not waiting (the backlog's requests naming nobody are decided
 * REFEREE_NOT_FOUND at once, as they would be after the grace period).
 */
public final class ProcessorBenchmark {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final String CONCURRENCY = "referrals.processor.decisions.concurrency";
    /** Facts are all loaded before the requests: waiting for them would measure the wait. */
    private static final Map<String, String> NO_GRACE = Map.of("referrals.processor.late-facts.grace-period", "0s");

    private final BenchmarkContext context;

    public ProcessorBenchmark(BenchmarkContext context) {
        this.context = context;
    }

    public ProcessorFigures run() {
        BenchmarkSettings.Processor settings = context.settings().processor();
        TopicNamespace namespace = context.stack().newTopicNamespace();
        DatabaseCoordinates database = context.stack().newDatabase();
        LedgerPlan plan = new LedgerPlan(settings, new Marketplace("", Instant.now()));
        List<String> outcomes = List.of(namespace.name(Topics.REFERRAL_CREATED), namespace.name(Topics.REFERRAL_REJECTED));
        try (EventProducer producer = new EventProducer(context.stack(), namespace)) {
            long facts = plan.publishFacts(producer);
            context.progress().line("processor: " + facts + " upstream facts published; loading them into its ledger");
            long launched = System.nanoTime();
            RunningService processor = start(namespace, database, settings.defaultConcurrency());
            context.services().startUp(Service.REFERRAL_PROCESSOR, processor.startUp());
            double ledgerLoad;
            WarmDrain.Result main;
            try {
                context.groups().awaitCaughtUp(Map.of(
                                namespace.group("referral-processor.accounts"), List.of(namespace.name(Topics.ACCOUNTS)),
                                namespace.group("referral-processor.jobs"), List.of(namespace.name(Topics.JOBS)),
                                namespace.group("referral-processor.job-activity"), List.of(namespace.name(Topics.JOB_ACTIVITY))),
                        context.settings().stageTimeout(), context.settings().sampleInterval());
                ledgerLoad = (System.nanoTime() - launched) / NANOS_PER_SECOND;
                context.progress().line(String.format("processor: ledger loaded in %.1f s (its start included)",
                        ledgerLoad));
                main = drain(processor, producer, plan, 0, settings.defaultConcurrency(), outcomes, true);
            } finally {
                context.launcher().stop(processor);
            }
            long created = context.groups().endOffsets(List.of(namespace.name(Topics.REFERRAL_CREATED)));
            long rejected = context.groups().endOffsets(List.of(namespace.name(Topics.REFERRAL_REJECTED)));
            List<ProcessorFigures.SweepPoint> sweep = new ArrayList<>();
            int round = 1;
            for (int concurrency : settings.sweepConcurrency()) {
                if (concurrency == settings.defaultConcurrency()) {
                    sweep.add(new ProcessorFigures.SweepPoint(concurrency, main.drain(), main.cpu()));
                    continue;
                }
                RunningService point = start(namespace, database, concurrency);
                try {
                    WarmDrain.Result result = drain(point, producer, plan, round++, concurrency, outcomes, false);
                    sweep.add(new ProcessorFigures.SweepPoint(concurrency, result.drain(), result.cpu()));
                } finally {
                    context.launcher().stop(point);
                }
            }
            return new ProcessorFigures(facts, ledgerLoad, settings.defaultConcurrency(), main.drain(), main.cpu(),
                    created, rejected, sweep);
        }
    }

    private WarmDrain.Result drain(RunningService processor, EventProducer producer, LedgerPlan plan, int round,
                                   int concurrency, List<String> outcomes, boolean profiled) {
        BenchmarkSettings.Processor settings = context.settings().processor();
        WarmDrain.Result result = new WarmDrain(context).run(processor, () -> context.groups().endOffsets(outcomes),
                settings.warmUp(), () -> plan.publishWarmUp(producer, round, Instant.now()), () -> { },
                settings.backlog(), () -> plan.publishBacklog(producer, round, Instant.now()), profiled,
                settings.backlog() + " referral requests");
        context.progress().line(String.format("processor: concurrency %d drained %d requests: %.0f decisions/s (%s); "
                + "%s", concurrency, settings.backlog(), result.drain().perSecond(), result.describe(),
                CpuText.of(result.cpu())));
        return result;
    }

    private RunningService start(TopicNamespace namespace, DatabaseCoordinates database, int concurrency) {
        Map<String, String> properties = new java.util.HashMap<>(NO_GRACE);
        properties.put(CONCURRENCY, String.valueOf(concurrency));
        return context.launcher().start(Service.REFERRAL_PROCESSOR, "processor-c" + concurrency, namespace, database, properties);
    }
}
