package dev.referrals.benchmarks.report;

/**
 * A goal of the issue, where the stage stands, and why.
 *
 * @param target   the goal, for example {@code ≥ 10,000 decisions/s}
 * @param measured the figure it is judged on, with its unit
 */
public record Goal(String stage, String target, String measured, boolean met, String why) {
}
