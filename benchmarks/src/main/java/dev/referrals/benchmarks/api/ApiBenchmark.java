package dev.referrals.benchmarks.api;

import dev.referrals.benchmarks.harness.BenchmarkContext;
import dev.referrals.benchmarks.harness.RunningService;
import dev.referrals.localrun.Service;
import dev.referrals.schemas.TopicNamespace;
import java.util.Map;

/**
 * The API alone, in a namespace of its own: declines with a referral, closed loop at maximum and open loop at fixed
 * rates. The processor and the worker are not running, so the API's figure is the API's (its own read-model
 * listeners, which consume what it publishes, do run: they are part of it).
 */
public final class ApiBenchmark {

    private static final double NANOS_PER_SECOND = 1e9;

    private final BenchmarkContext context;

    public ApiBenchmark(BenchmarkContext context) {
        this.context = context;
    }

    public HttpFigures run() {
        TopicNamespace namespace = context.stack().newTopicNamespace();
        RunningService api = context.launcher().start(Service.REFERRAL_API, "api", namespace,
                context.stack().newDatabase(), Map.of());
        context.services().startUp(Service.REFERRAL_API, api.startUp());
        context.progress().line(String.format("api: ready in %.1f s (pid %d)", api.startUp().toNanos()
                / NANOS_PER_SECOND, api.pid()));
        try {
            context.recorder().standBy(api.pid());
            HttpBenchmark benchmark = new HttpBenchmark(context.settings(), context.progress());
            return benchmark.run("api", new DeclineTarget(api.process().ports().http(), context.serviceToken(), "bench-" + context.runId() + "-"),
                    api.pid(), api.startUp().toNanos() / NANOS_PER_SECOND,
                    closedLoop -> context.profiled(api, "closed loop", closedLoop));
        } finally {
            context.launcher().stop(api);
        }
    }
}
