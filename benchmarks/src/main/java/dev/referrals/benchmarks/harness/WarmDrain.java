package dev.referrals.benchmarks.harness;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How a consuming service's drain is measured: by a process that has already worked, not by a cold one.
 *
 * <ol>
 *   <li>the flight recorder is switched on (see {@code FlightRecorder.standBy}) if the drain is profiled;</li>
 *   <li>a warm-up backlog is published and worked off;</li>
 *   <li>no load until the JIT's compile queue is quiet (see {@link JitQueue}), and the stage's own clean-up (the
 *       worker's empties the SMTP sink);</li>
 *   <li>the measured backlog is published, as fast as the harness's producer goes;</li>
 *   <li>the drain is timed from the end of publishing to its last effect, over the effects still to come then (the
 *       service starts on the backlog while it is being published; those effects are left out of the rate, so
 *       publishing's CPU is too).</li>
 * </ol>
 *
 * <p>A cold drain measured the JIT instead: the processor's first 100,000 decisions ran while its C2 compiler still
 * had hundreds of methods queued.
 */
public final class WarmDrain {

    private static final double NANOS_PER_SECOND = 1e9;

    private final BenchmarkContext context;

    public WarmDrain(BenchmarkContext context) {
        this.context = context;
    }

    /**
     * @param effects        the service's effects so far (outcome records, sent emails)
     * @param warmUpEffects  effects of the warm-up backlog
     * @param backlogEffects effects of the measured backlog
     * @param afterWarmUp    runs once the warm-up is worked off
     * @param profiled       whether the drain is recorded for the report's profile
     * @param what           names the backlog in messages, for example {@code "100000 referral requests"}
     */
    public Result run(RunningService service, LongSupplier effects, long warmUpEffects, Runnable publishWarmUp,
                      Runnable afterWarmUp, long backlogEffects, Runnable publishBacklog, boolean profiled,
                      String what) {
        if (profiled) {
            context.recorder().standBy(service.pid());
        }
        long beforeWarmUp = effects.getAsLong();
        publishWarmUp.run();
        Poll.until(() -> effects.getAsLong() - beforeWarmUp >= warmUpEffects, context.settings().stageTimeout(),
                context.settings().sampleInterval(), "the warm-up of " + what);
        JitQueue.Settle jit = JitQueue.awaitQuiet(service.pid(), context.settings().jitSettle());
        afterWarmUp.run();

        long before = effects.getAsLong();
        long publishing = System.nanoTime();
        publishBacklog.run();
        long published = System.nanoTime();
        long duringPublishing = effects.getAsLong() - before;
        Supplier<Drain> drain = () -> Drain.await(() -> effects.getAsLong() - before, backlogEffects, published,
                context.settings().stageTimeout(), context.settings().sampleInterval(), what);
        Measured<Drain> measured = profiled ? context.profiled(service, "drain", drain)
                : context.cpu(Map.of(service.service().module(), service.pid()), drain);
        return new Result(measured.result(), measured.cpu(), jit, (published - publishing) / NANOS_PER_SECOND,
                duringPublishing);
    }

    /**
     * @param drain             the measured drain
     * @param cpu               the machine's and the service's CPU during it
     * @param jit               the pause for the JIT after the warm-up
     * @param publishingSeconds how long the harness took to publish the measured backlog
     * @param duringPublishing  effects while it did, left out of the rate
     */
    public record Result(Drain drain, CpuWatch.Usage cpu, JitQueue.Settle jit, double publishingSeconds,
                         long duringPublishing) {

        /** How the backlog was drained, for a progress line. */
        public String describe() {
            return String.format("%.1f s, %d effects while the backlog was published in %.1f s, left out; warm-up "
                    + "then %s", drain.seconds(), duringPublishing, publishingSeconds, jit);
        }
    }
}
