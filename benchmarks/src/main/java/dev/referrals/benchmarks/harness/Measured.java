package dev.referrals.benchmarks.harness;

/**
 * A stage's result with the CPU its window took.
 *
 * @param cpu the machine's and each process's CPU over the window
 */
public record Measured<T>(T result, CpuWatch.Usage cpu) {
}
