package dev.referrals.benchmarks.report;

/**
 * A pipeline figure over the baseline it is judged against, both from the same run.
 *
 * @param ratio {@code pipeline / baseline}
 */
public record Ratio(String pipeline, double pipelineValue, String baseline, double baselineValue, String unit,
                    double ratio, String meaning) {

    public static Ratio of(String pipeline, double pipelineValue, String baseline, double baselineValue, String unit,
                           String meaning) {
        return new Ratio(pipeline, pipelineValue, baseline, baselineValue, unit, pipelineValue / baselineValue,
                meaning);
    }
}
