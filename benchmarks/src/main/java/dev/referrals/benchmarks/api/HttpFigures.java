package dev.referrals.benchmarks.api;

import dev.referrals.benchmarks.harness.CpuWatch;
import dev.referrals.benchmarks.load.ClosedLoopResult;
import dev.referrals.benchmarks.load.OpenLoopResult;
import java.util.List;

/**
 * One HTTP endpoint under the load tool: the closed loop at maximum and the open loop at each fixed rate.
 *
 * @param startUpSeconds launch of its JVM to its first answer
 * @param closedLoopCpu  the machine's and the endpoint's CPU during the measured closed loop
 */
public record HttpFigures(double startUpSeconds, ClosedLoopResult closedLoop, CpuWatch.Usage closedLoopCpu,
                          List<OpenLoopResult> openLoop) {
}
