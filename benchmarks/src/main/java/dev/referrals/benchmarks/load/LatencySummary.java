package dev.referrals.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram, in milliseconds.
 *
 * @param count how many latencies were recorded
 */
public record LatencySummary(long count, double p50, double p95, double p99, double max, double mean) {

    private static final double MICROS_PER_MILLI = 1_000.0;
    private static final double P50 = 50.0;
    private static final double P95 = 95.0;
    private static final double P99 = 99.0;

    /** @param micros a histogram of microseconds */
    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(micros.getTotalCount(),
                millis(micros.getValueAtPercentile(P50)), millis(micros.getValueAtPercentile(P95)),
                millis(micros.getValueAtPercentile(P99)), millis(micros.getMaxValue()),
                micros.getMean() / MICROS_PER_MILLI);
    }

    /** A histogram of microseconds that holds up to an hour at three significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(LatencyRange.HIGHEST_MICROS, LatencyRange.SIGNIFICANT_DIGITS);
    }

    private static double millis(long micros) {
        return micros / MICROS_PER_MILLI;
    }

    private static final class LatencyRange {
        static final long HIGHEST_MICROS = 3_600_000_000L;
        static final int SIGNIFICANT_DIGITS = 3;
    }
}
