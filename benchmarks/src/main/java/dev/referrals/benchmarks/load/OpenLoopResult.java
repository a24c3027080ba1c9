package dev.referrals.benchmarks.load;

/**
 * An open loop's outcome at one offered rate.
 *
 * @param offeredPerSecond  the rate requests were scheduled at
 * @param achievedPerSecond answers with the expected status per second, first send to last answer
 * @param accepted          answers with the expected status
 * @param failed            other answers and I/O errors
 * @param latency           from each request's scheduled send time to its answer, so a request that had to wait
 *                          for a stalled server or a free connection counts its wait (no coordinated omission)
 */
public record OpenLoopResult(int offeredPerSecond, double achievedPerSecond, long accepted, long failed,
                             LatencySummary latency) {
}
