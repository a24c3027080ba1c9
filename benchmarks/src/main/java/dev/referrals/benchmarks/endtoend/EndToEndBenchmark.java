package dev.referrals.benchmarks.endtoend;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.data.Marketplace;
import dev.referrals.benchmarks.harness.BenchmarkContext;
import dev.referrals.benchmarks.harness.CpuText;
import dev.referrals.benchmarks.harness.CpuWatch;
import dev.referrals.benchmarks.harness.EventProducer;
import dev.referrals.benchmarks.harness.Poll;
import dev.referrals.benchmarks.harness.RssWatch;
import dev.referrals.benchmarks.harness.RunningService;
import dev.referrals.benchmarks.harness.SentEmailsTable;
import dev.referrals.benchmarks.load.HttpLoad;
import dev.referrals.benchmarks.load.LatencySummary;
import dev.referrals.benchmarks.load.OpenLoopResult;
import dev.referrals.localrun.Service;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.marketplace.JobActivityKind;
import dev.referrals.marketplace.JobStatus;
import dev.referrals.marketplace.JobVisibility;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * The three services together, in a namespace of their own, at fixed offered rates: each decline refers a freelancer
 * who may be referred, so every 202 leads to a ReferralCreated and two emails. The latency of a referral runs from
 * its 202 to the later of its two emails accepted by the SMTP sink, as the worker's ledger stamps that moment.
 */
public final class EndToEndBenchmark {

    /** The rate of the memory goal: each service within 256 MB at 500 declines per second. */
    public static final int GOAL_RATE = 500;

    private static final int ACCEPTED = 202;
    private static final int EMAILS_PER_REFERRAL = 2;
    private static final String REFEREE_ROLE = "referee";
    private static final long MICROS_PER_SECOND = 1_000_000;
    private static final long NANOS_PER_MICRO = 1_000;

    private final BenchmarkContext context;

    public EndToEndBenchmark(BenchmarkContext context) {
        this.context = context;
    }

    public EndToEndFigures run() {
        BenchmarkSettings.EndToEnd settings = context.settings().endToEnd();
        TopicNamespace namespace = context.stack().newTopicNamespace();
        Marketplace marketplace = new Marketplace("e2e-", Instant.now());
        publishFacts(namespace, marketplace, settings);
        Map<Service, DatabaseCoordinates> databases = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            databases.put(service, context.stack().newDatabase());
        }
        Map<Service, RunningService> running = startAll(namespace, databases);
        try (SentEmailsTable sent = new SentEmailsTable(databases.get(Service.NOTIFICATION_WORKER))) {
            context.groups().awaitCaughtUp(Map.of(
                            namespace.group("referral-processor.accounts"), List.of(namespace.name(Topics.ACCOUNTS)),
                            namespace.group("referral-processor.jobs"), List.of(namespace.name(Topics.JOBS)),
                            namespace.group("referral-processor.job-activity"), List.of(namespace.name(Topics.JOB_ACTIVITY)),
                            namespace.group("notification-worker.accounts"), List.of(namespace.name(Topics.ACCOUNTS)),
                            namespace.group("notification-worker.jobs"), List.of(namespace.name(Topics.JOBS))),
                    context.settings().stageTimeout(), context.settings().sampleInterval());
            context.progress().line("end to end: all three services ready, their facts loaded");
            EndToEndTarget target = new EndToEndTarget(running.get(Service.REFERRAL_API).process().ports().http(),
                    context.serviceToken(),
                    marketplace, settings.clients(), "e2e-" + context.runId() + "-");
            HttpLoad load = new HttpLoad(ACCEPTED, context.settings().stageTimeout());
            AtomicLong sequence = new AtomicLong();
            long acceptedSoFar = warmUp(load, target, sequence, sent, settings);
            List<EndToEndFigures.Rate> rates = new ArrayList<>();
            int goalRate = closestTo(settings.rates(), GOAL_RATE);
            for (int rate : settings.rates()) {
                long first = sequence.get();
                int total = (int) (rate * settings.duration().toMillis() / ChronoUnit.SECONDS.getDuration().toMillis());
                AtomicLongArray acceptedAt = new AtomicLongArray(total);
                Map<String, Long> rss = new LinkedHashMap<>();
                OpenLoopResult api;
                CpuWatch cpu = CpuWatch.start(running.values().stream().collect(java.util.stream.Collectors.toMap(
                        service -> service.service().module(), RunningService::pid)), context.postgresServer());
                CpuWatch.Usage usage;
                try (RssWatch watch = new RssWatch(context.settings().sampleInterval())) {
                    running.values().forEach(service -> watch.watch(service.service().module(), service.pid()));
                    api = load.openLoop(target, sequence, rate, settings.duration(),
                            context.settings().api().openLoopConnections(),
                            n -> acceptedAt.set((int) (n - first), nowMicros()));
                    acceptedSoFar += api.accepted();
                    long expected = EMAILS_PER_REFERRAL * acceptedSoFar;
                    Poll.until(() -> sent.count() >= expected, context.settings().stageTimeout(),
                            context.settings().sampleInterval(), expected + " emails");
                    usage = cpu.stop();
                    running.values().forEach(service -> rss.put(service.service().module(),
                            watch.peak(service.service().module())));
                }
                if (rate == goalRate) {
                    running.values().forEach(service -> context.services().rssAtGoalRate(service.service(),
                            rss.get(service.service().module())));
                }
                EndToEndFigures.Rate figures = latencies(sent.all(), marketplace, first, acceptedAt, rate, api, rss,
                        usage);
                context.progress().line(String.format("end to end at %d/s: %d referrals, 202 to both emails p50 %.0f "
                                + "ms, p95 %.0f ms, p99 %.0f ms; %s", rate, figures.referrals(),
                        figures.latency().p50(), figures.latency().p95(), figures.latency().p99(),
                        CpuText.of(usage)));
                rates.add(figures);
                // A sink with fewer mailboxes is faster (see MailSink.clear): each rate starts from an empty one.
                context.stack().mail().clear();
            }
            return new EndToEndFigures(rates);
        } finally {
            running.values().parallelStream().forEach(context.launcher()::stop);
            context.stack().mail().clear();
        }
    }

    /**
     * Offers the warm-up rate, then waits for all of its emails, so that the first measured rate starts on warm JVMs,
     * an empty backlog and an empty SMTP sink. Its latencies are not kept (the measured rates count from the sequence
     * number after it).
     *
     * @return the declines the warm-up got accepted
     */
    private long warmUp(HttpLoad load, EndToEndTarget target, AtomicLong sequence, SentEmailsTable sent,
                        BenchmarkSettings.EndToEnd settings) {
        if (settings.warmUpRequests() == 0) {
            return 0;
        }
        OpenLoopResult warmUp = load.openLoop(target, sequence, settings.warmUpRate(), settings.warmUp(),
                context.settings().api().openLoopConnections());
        long expected = EMAILS_PER_REFERRAL * warmUp.accepted();
        Poll.until(() -> sent.count() >= expected, context.settings().stageTimeout(),
                context.settings().sampleInterval(), expected + " warm-up emails");
        context.progress().line(String.format("end to end: warmed up with %d declines offered at %d/s, all their "
                + "emails sent", warmUp.accepted(), settings.warmUpRate()));
        context.stack().mail().clear();
        return warmUp.accepted();
    }

    private void publishFacts(TopicNamespace namespace, Marketplace marketplace, BenchmarkSettings.EndToEnd settings) {
        try (EventProducer producer = new EventProducer(context.stack(), namespace)) {
            for (int n = 0; n < settings.clients(); n++) {
                marketplace.publishClient(producer, n);
                marketplace.publishJob(producer, n, n, JobVisibility.PUBLIC, JobStatus.OPEN);
            }
            for (long n = 0; n < settings.maxRequests(); n++) {
                marketplace.publishFreelancer(producer, EndToEndTarget.referrer(n));
                marketplace.publishFreelancer(producer, EndToEndTarget.referee(n));
                // Request n declines this invitation (R1); the target's jobs are one per client.
                marketplace.publishActivity(producer, marketplace.job(EndToEndTarget.job(n, settings.clients())),
                        marketplace.freelancer(EndToEndTarget.referrer(n)), JobActivityKind.INVITED);
            }
            producer.flush();
        }
    }

    /** The three at once: their start-up was measured alone in the stages before. */
    private Map<Service, RunningService> startAll(TopicNamespace namespace, Map<Service, DatabaseCoordinates> databases) {
        Map<Service, CompletableFuture<RunningService>> starting = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            starting.put(service, CompletableFuture.supplyAsync(() -> context.launcher().start(service, "e2e",
                    namespace, databases.get(service), Map.of())));
        }
        Map<Service, RunningService> running = new EnumMap<>(Service.class);
        RuntimeException failure = null;
        for (Map.Entry<Service, CompletableFuture<RunningService>> start : starting.entrySet()) {
            try {
                running.put(start.getKey(), start.getValue().join());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            running.values().forEach(context.launcher()::stop);
            throw failure;
        }
        return running;
    }

    private static EndToEndFigures.Rate latencies(List<SentEmailsTable.SentEmail> emails, Marketplace marketplace,
                                                  long first, AtomicLongArray acceptedAt, int rate,
                                                  OpenLoopResult api, Map<String, Long> rss,
                                                  CpuWatch.Usage cpu) {
        Map<String, Long> requestOfReferral = new HashMap<>();
        for (SentEmailsTable.SentEmail email : emails) {
            long referee = marketplace.freelancerNumber(email.recipientAccountId());
            if (REFEREE_ROLE.equals(email.role()) && referee >= 0) {
                long n = EndToEndTarget.requestOf((int) referee);
                if (n >= first && n < first + acceptedAt.length()) {
                    requestOfReferral.put(email.referralId(), n);
                }
            }
        }
        Map<String, long[]> lastAndCount = new HashMap<>();
        for (SentEmailsTable.SentEmail email : emails) {
            if (requestOfReferral.containsKey(email.referralId())) {
                long[] seen = lastAndCount.computeIfAbsent(email.referralId(), id -> new long[2]);
                seen[0] = Math.max(seen[0], email.sentAtMicros());
                seen[1]++;
            }
        }
        Histogram histogram = LatencySummary.newHistogram();
        lastAndCount.forEach((referralId, seen) -> {
            long accepted = acceptedAt.get((int) (requestOfReferral.get(referralId) - first));
            if (seen[1] >= EMAILS_PER_REFERRAL && accepted > 0) {
                histogram.recordValue(Math.max(0, seen[0] - accepted));
            }
        });
        return new EndToEndFigures.Rate(rate, api, histogram.getTotalCount(), LatencySummary.of(histogram), rss, cpu);
    }

    private static int closestTo(List<Integer> rates, int goal) {
        return rates.stream().min((a, b) -> Integer.compare(Math.abs(a - goal), Math.abs(b - goal))).orElse(goal);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * MICROS_PER_SECOND + now.getNano() / NANOS_PER_MICRO;
    }
}
