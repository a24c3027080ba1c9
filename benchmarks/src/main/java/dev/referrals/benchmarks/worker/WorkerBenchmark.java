package dev.referrals.benchmarks.worker;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.data.DirectoryPlan;
import dev.referrals.benchmarks.data.Marketplace;
import dev.referrals.benchmarks.harness.BenchmarkContext;
import dev.referrals.benchmarks.harness.CpuText;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.benchmarks.harness.RunningService;
import dev.referrals.benchmarks.harness.SentEmailsTable;
import dev.referrals.benchmarks.harness.WarmDrain;
import dev.referrals.localrun.Service;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The worker alone: it loads its directory, then drains backlogs of ReferralCreated into the local stack's SMTP sink,
 * a warm-up one and then the measured one (a {@link WarmDrain}). Emails are counted in the worker's own ledger of
 * accepted emails.
 */
public final class WorkerBenchmark {

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
            RunningService worker = context.launcher().start(Service.NOTIFICATION_WORKER, "worker", namespace,
                    database, Map.of());
            context.services().startUp(Service.NOTIFICATION_WORKER, worker.startUp());
            try (SentEmailsTable sent = new SentEmailsTable(database)) {
                context.groups().awaitCaughtUp(Map.of(
                                namespace.group("notification-worker.accounts"),
                                List.of(namespace.name(Topics.ACCOUNTS)),
                                namespace.group("notification-worker.jobs"), List.of(namespace.name(Topics.JOBS))),
                        context.settings().stageTimeout(), context.settings().sampleInterval());
                context.progress().line("worker: directory of " + facts + " accounts and jobs loaded");
                context.stack().mail().clear();
                int emails = EMAILS_PER_REFERRAL * settings.backlog();
                WarmDrain.Result result = new WarmDrain(context).run(worker, sent::count,
                        EMAILS_PER_REFERRAL * settings.warmUp(), () -> plan.publishWarmUp(producer, Instant.now()),
                        context.stack().mail()::clear, emails, () -> plan.publishBacklog(producer, Instant.now()), true,
                        settings.backlog() + " created referrals");
                long inSink = context.stack().mail().receivedMessages().size();
                context.progress().line(String.format("worker: drained %d referrals: %.0f emails/s (%s); %d emails in "
                        + "the sink; %s", settings.backlog(), result.drain().perSecond(), result.describe(), inSink,
                        CpuText.of(result.cpu())));
                return new WorkerFigures(settings.backlog(), result.drain(), result.cpu(), inSink);
            } finally {
                context.launcher().stop(worker);
                context.stack().mail().clear();
            }
        }
    }
}
