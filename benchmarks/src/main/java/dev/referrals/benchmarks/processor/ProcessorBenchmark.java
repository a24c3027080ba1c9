package dev.referrals.benchmarks.processor;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.data.LedgerPlan;
import dev.referrals.benchmarks.data.Marketplace;
import dev.referrals.benchmarks.harness.BenchmarkContext;
import dev.referrals.benchmarks.harness.CpuText;
import dev.referrals.benchmarks.harness.Drain;
import dev.referrals.benchmarks.harness.Measured;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.benchmarks.harness.RunningService;
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
 * <p>Each drain: the processor is stopped, a fresh backlog is produced, and the processor is started with the
 * concurrency under test; the drain is timed from its first decision to its last. The facts are loaded before any
 * request, and the late-facts grace period is zero, so a drain measures deciding, not waiting (the backlog's
 * requests naming nobody are decided REFEREE_NOT_FOUND at once, as they would be after the grace period).
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
            RunningService loader = start(namespace, database, settings.defaultConcurrency(), "processor-ledger");
            context.groups().awaitCaughtUp(Map.of(
                            "referral-processor.accounts", List.of(namespace.name(Topics.ACCOUNTS)),
                            "referral-processor.jobs", List.of(namespace.name(Topics.JOBS)),
                            "referral-processor.job-activity", List.of(namespace.name(Topics.JOB_ACTIVITY))),
                    context.settings().stageTimeout(), context.settings().sampleInterval());
            double ledgerLoad = (System.nanoTime() - launched) / NANOS_PER_SECOND;
            context.launcher().stop(loader);
            context.progress().line(String.format("processor: ledger loaded in %.1f s (its start included)",
                    ledgerLoad));

            int round = 0;
            Measured<Drain> main = drain(producer, plan, round++, namespace, database, settings.defaultConcurrency(),
                    outcomes, true);
            long created = context.groups().endOffsets(List.of(namespace.name(Topics.REFERRAL_CREATED)));
            long rejected = context.groups().endOffsets(List.of(namespace.name(Topics.REFERRAL_REJECTED)));
            List<ProcessorFigures.SweepPoint> sweep = new ArrayList<>();
            for (int concurrency : settings.sweepConcurrency()) {
                Measured<Drain> point = drain(producer, plan, round++, namespace, database, concurrency, outcomes,
                        false);
                sweep.add(new ProcessorFigures.SweepPoint(concurrency, point.result(), point.cpu()));
            }
            return new ProcessorFigures(facts, ledgerLoad, settings.defaultConcurrency(), main.result(), main.cpu(),
                    created, rejected, sweep);
        }
    }

    private Measured<Drain> drain(EventProducer producer, LedgerPlan plan, int round, TopicNamespace namespace,
                        DatabaseCoordinates database, int concurrency, List<String> outcomes, boolean main) {
        int backlog = context.settings().processor().backlog();
        plan.publishRound(producer, round, Instant.now());
        long before = context.groups().endOffsets(outcomes);
        long launched = System.nanoTime();
        RunningService processor = start(namespace, database, concurrency, "processor-c" + concurrency);
        if (main) {
            context.services().startUp(Service.REFERRAL_PROCESSOR, processor.startUp());
        }
        try {
            java.util.function.Supplier<Drain> drain = () -> Drain.await(
                    () -> context.groups().endOffsets(outcomes) - before, backlog, launched,
                    context.settings().stageTimeout(), context.settings().sampleInterval(),
                    backlog + " referral requests");
            Measured<Drain> measured = main ? context.profiled(processor, "drain", drain)
                    : context.cpu(Map.of(processor.service().module(), processor.pid()), drain);
            Drain result = measured.result();
            context.progress().line(String.format("processor: concurrency %d drained %d requests: %.0f decisions/s "
                    + "(%.1f s after a start of %.1f s); %s", concurrency, backlog, result.perSecond(),
                    result.seconds(), processor.startUp().toNanos() / NANOS_PER_SECOND, CpuText.of(measured.cpu())));
            return measured;
        } finally {
            context.launcher().stop(processor);
        }
    }

    private RunningService start(TopicNamespace namespace, DatabaseCoordinates database, int concurrency,
                                 String label) {
        Map<String, String> properties = new java.util.HashMap<>(NO_GRACE);
        properties.put(CONCURRENCY, String.valueOf(concurrency));
        return context.launcher().start(Service.REFERRAL_PROCESSOR, label, namespace, database, properties);
    }
}
