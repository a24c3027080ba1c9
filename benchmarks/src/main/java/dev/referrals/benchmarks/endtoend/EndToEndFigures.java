package dev.referrals.benchmarks.endtoend;

import dev.referrals.benchmarks.harness.CpuWatch;
import dev.referrals.benchmarks.load.LatencySummary;
import dev.referrals.benchmarks.load.OpenLoopResult;
import java.util.List;

/**
 * The whole pipeline at fixed rates.
 *
 * @param rates one entry per offered rate
 */
public record EndToEndFigures(List<Rate> rates) {

    /**
     * @param api        the API's answers at that rate, with the processor and the worker running
     * @param referrals  referrals whose two emails both reached the sink
     * @param latency    from the API's 202 to the second of the two emails accepted by the SMTP sink
     * @param rssBytes   the highest resident memory sampled per service while this rate ran, by module
     * @param cpu        the machine's and each service's CPU from the first request to the last email
     */
    public record Rate(int offeredPerSecond, OpenLoopResult api, long referrals, LatencySummary latency,
                       java.util.Map<String, Long> rssBytes, CpuWatch.Usage cpu) {
    }
}
