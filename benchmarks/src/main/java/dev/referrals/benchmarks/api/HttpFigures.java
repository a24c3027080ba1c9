package dev.referrals.benchmarks.api;

import dev.referrals.benchmarks.harness.CpuWatch;
import dev.referrals.benchmarks.harness.JitQueue;
import dev.referrals.benchmarks.load.ClosedLoopResult;
import dev.referrals.benchmarks.load.OpenLoopResult;
import java.util.List;

/**
 * One HTTP endpoint under the load tool: the closed loop at maximum and the open loop at each fixed rate.
 *
 * @param startUpSeconds launch of its JVM to its first answer
 * @param warmUp         the warm-up's rounds, before anything was measured
 * @param closedLoopCpu  the machine's and the endpoint's CPU during the measured closed loop
 */
public record HttpFigures(double startUpSeconds, List<WarmUpRound> warmUp, ClosedLoopResult closedLoop,
                          CpuWatch.Usage closedLoopCpu, List<OpenLoopResult> openLoop) {

    public HttpFigures {
        warmUp = List.copyOf(warmUp);
    }

    /**
     * @param perSecond accepted per second in the round's closed loop
     * @param jit       the pause for the JIT that followed it
     */
    public record WarmUpRound(double perSecond, JitQueue.Settle jit) {
    }
}
