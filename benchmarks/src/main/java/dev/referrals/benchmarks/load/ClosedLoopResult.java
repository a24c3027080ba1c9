package dev.referrals.benchmarks.load;

/**
 * A closed loop's outcome over its measured window.
 *
 * @param connections  how many requests were in flight at any time
 * @param accepted     answers with the expected status in the window
 * @param failed       other answers and I/O errors in the window
 * @param perSecond    accepted answers per second
 * @param latency      each request's time from sent to answered (no queueing outside the server: closed loop)
 */
public record ClosedLoopResult(int connections, long accepted, long failed, double perSecond,
                               LatencySummary latency) {
}
