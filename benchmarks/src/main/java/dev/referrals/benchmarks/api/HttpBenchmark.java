package dev.referrals.benchmarks.api;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.Progress;
import dev.referrals.benchmarks.load.ClosedLoopResult;
import dev.referrals.benchmarks.load.HttpLoad;
import dev.referrals.benchmarks.load.LoadTarget;
import dev.referrals.benchmarks.load.OpenLoopResult;
import dev.referrals.benchmarks.api.HttpFigures.WarmUpRound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import dev.referrals.benchmarks.harness.CpuText;
import dev.referrals.benchmarks.harness.JitQueue;
import dev.referrals.benchmarks.harness.Measured;

/**
 * The same load against any endpoint, so that the API and the bare endpoint are measured alike: a warm-up in rounds,
 * the closed loop (optionally profiled), then the open loop at each rate, lowest first. After the warm-up's rounds and
 * after the closed loop, the endpoint's JIT gets a pause to work off its compile queue (see {@link JitQueue}).
 */
public final class HttpBenchmark {

    private static final int ACCEPTED = 202;

    private final BenchmarkSettings.Api settings;
    private final Duration jitSettle;
    private final HttpLoad load;
    private final Progress progress;

    public HttpBenchmark(BenchmarkSettings settings, Progress progress) {
        this.settings = settings.api();
        this.jitSettle = settings.jitSettle();
        this.load = new HttpLoad(ACCEPTED, settings.stageTimeout());
        this.progress = progress;
    }

    /**
     * @param pid      the endpoint's JVM, whose JIT queue is watched
     * @param profiler wraps the measured closed loop, for example in a flight recording
     */
    public HttpFigures run(String name, LoadTarget target, long pid, double startUpSeconds,
                           Function<Supplier<ClosedLoopResult>, Measured<ClosedLoopResult>> profiler) {
        AtomicLong sequence = new AtomicLong();
        List<WarmUpRound> warmUp = warmUp(name, target, pid, sequence);
        Measured<ClosedLoopResult> measured = profiler.apply(() -> load.closedLoop(target, sequence,
                settings.closedLoopConnections(), Duration.ZERO, settings.closedLoopDuration()));
        ClosedLoopResult closed = measured.result();
        progress.line(String.format("%s: closed loop, %d connections: %.0f accepted/s (p99 %.1f ms, %d failed); %s",
                name, closed.connections(), closed.perSecond(), closed.latency().p99(), closed.failed(),
                CpuText.of(measured.cpu())));
        JitQueue.awaitQuiet(pid, jitSettle);
        List<OpenLoopResult> open = new ArrayList<>();
        for (int rate : settings.rates()) {
            OpenLoopResult result = load.openLoop(target, sequence, rate, settings.rateDuration(),
                    settings.openLoopConnections());
            progress.line(String.format("%s: open loop at %d/s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d failed)",
                    name, rate, result.latency().p50(), result.latency().p95(), result.latency().p99(),
                    result.failed()));
            open.add(result);
        }
        return new HttpFigures(startUpSeconds, warmUp, closed, measured.cpu(), open);
    }

    /** Rounds of load and JIT pauses until the rate stops rising. */
    private List<WarmUpRound> warmUp(String name, LoadTarget target, long pid, AtomicLong sequence) {
        BenchmarkSettings.WarmUp warmUp = settings.warmUp();
        List<WarmUpRound> rounds = new ArrayList<>();
        double previous = 0;
        for (int round = 1; round <= warmUp.maxRounds(); round++) {
            ClosedLoopResult result = load.closedLoop(target, sequence, settings.closedLoopConnections(),
                    Duration.ZERO, warmUp.round());
            JitQueue.Settle settle = JitQueue.awaitQuiet(pid, jitSettle);
            rounds.add(new WarmUpRound(result.perSecond(), settle));
            progress.line(String.format("%s: warm-up round %d: %.0f accepted/s; %s", name, round, result.perSecond(),
                    settle));
            boolean settled = previous > 0 && result.perSecond() <= previous * (1 + BenchmarkSettings.WarmUp.SETTLED);
            if (settled && settle.quiet()) {
                break;
            }
            previous = result.perSecond();
        }
        return rounds;
    }
}
