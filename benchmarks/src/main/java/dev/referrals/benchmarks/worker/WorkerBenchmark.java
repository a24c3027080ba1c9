package dev.referrals.benchmarks.worker;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.data.DirectoryPlan;
import dev.referrals.benchmarks.data.Marketplace;
import dev.referrals.benchmarks.harness.BenchmarkContext;
import dev.referrals.benchmarks.harness.CpuText;
import dev.referrals.benchmarks.harness.Drain;
import dev.referrals.benchmarks.harness.Measured;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.benchmarks.harness.RunningService;
import dev.referrals.benchmarks.harness.SentEmailsTable;
import dev.referrals.localrun.Service;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The worker alone: its directory is loaded first (the worker started, caught up, stopped), then a backlog of
 * ReferralCreated is produced, and the worker started again drains it into the local stack's SMTP sink. Emails per
 * second run from the first accepted email to the last, counted in the worker's own ledger of accepted emails.
 */
public final class WorkerBenchmark {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final int EMAILS_PER_REFERRAL = 2;

    private final BenchmarkContext context;

    public WorkerBenchmark(BenchmarkContext context) {
        this.context = context;
    }

    public WorkerFigures run() {
        BenchmarkSettings.Worker settings = context.settings().worker();
        TopicNamespace namespace = context.stack().newTopicNamespace();
        DatabaseCoordinates database = context.stack().newDatabase();
        DirectoryPlan plan = new DirectoryPlan(settings, new Marketplace("w-", Instant.now()));
        try (EventProducer producer = new EventProducer(context.stack(), namespace)) {
            long facts = plan.publishFacts(producer);
            RunningService loader = context.launcher().start(Service.NOTIFICATION_WORKER, "worker-directory",
                    namespace, database, Map.of());
            context.groups().awaitCaughtUp(Map.of(
                            namespace.prefix() + "notification-worker.accounts", List.of(namespace.name(Topics.ACCOUNTS)),
                            namespace.prefix() + "notification-worker.jobs", List.of(namespace.name(Topics.JOBS))),
                    context.settings().stageTimeout(), context.settings().sampleInterval());
            context.launcher().stop(loader);
            context.progress().line("worker: directory of " + facts + " accounts and jobs loaded");

            plan.publishBacklog(producer, Instant.now());
            context.stack().mail().purge();
            int emails = EMAILS_PER_REFERRAL * settings.backlog();
            long launched = System.nanoTime();
            RunningService worker = context.launcher().start(Service.NOTIFICATION_WORKER, "worker", namespace,
                    database, Map.of());
            context.services().startUp(Service.NOTIFICATION_WORKER, worker.startUp());
            try (SentEmailsTable sent = new SentEmailsTable(database)) {
                Measured<Drain> measured = context.profiled(worker, "drain", () -> Drain.await(sent::count, emails,
                        launched, context.settings().stageTimeout(), context.settings().sampleInterval(),
                        settings.backlog() + " created referrals"));
                Drain drain = measured.result();
                long inSink = context.stack().mail().receivedMessages().size();
                context.progress().line(String.format("worker: drained %d referrals: %.0f emails/s (%.1f s after a "
                                + "start of %.1f s); %d emails in the sink; %s", settings.backlog(), drain.perSecond(),
                        drain.seconds(), worker.startUp().toNanos() / NANOS_PER_SECOND, inSink,
                        CpuText.of(measured.cpu())));
                return new WorkerFigures(settings.backlog(), drain, measured.cpu(), inSink);
            } finally {
                context.launcher().stop(worker);
                context.stack().mail().purge();
            }
        }
    }
}
