package dev.referrals.benchmarks.report;

/**
 * One measured number of the report.
 *
 * @param id    stable across runs, for comparing reports (for example {@code processor.decisions_per_s})
 * @param label what it measures, in words
 */
public record Figure(String id, String label, double value, String unit) {
}
