package dev.referrals.benchmarks.report;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.api.HttpFigures;
import dev.referrals.benchmarks.baseline.BaselineFigures;
import dev.referrals.benchmarks.endtoend.EndToEndFigures;
import dev.referrals.benchmarks.processor.ProcessorFigures;
import dev.referrals.benchmarks.profile.StageProfile;
import dev.referrals.benchmarks.worker.WorkerFigures;
import java.util.List;

/**
 * Everything a run measured, as written to {@code <timestamp>.json}; the Markdown report is a view of it.
 *
 * @param startedAt  UTC, ISO-8601
 * @param runSeconds the whole run, stack start to report
 * @param figures    every number, flat, with a stable id
 * @param ratios     each pipeline figure over its baseline
 * @param goals      the goals and where each stage stands
 * @param profiles   what each service spent its measured window on
 * @param bottlenecks one line per profiled stage: its top bottleneck
 */
public record BenchmarkReport(String startedAt, double runSeconds, Machine machine, Versions versions,
                              BenchmarkSettings settings, BaselineFigures baselines, HttpFigures api,
                              ProcessorFigures processor, WorkerFigures worker, EndToEndFigures endToEnd,
                              List<ServiceRow> services, List<Figure> figures, List<Ratio> ratios, List<Goal> goals,
                              List<StageProfile> profiles, List<String> bottlenecks) {

    /**
     * @param startUpSeconds    launch to readiness, when started alone
     * @param peakRssMb         the highest resident memory of any of its processes in the run (VmHWM)
     * @param rssAtGoalRateMb   the highest sampled while the pipeline ran at 500 declines/s (or the closest rate)
     */
    public record ServiceRow(String module, double startUpSeconds, double peakRssMb, double rssAtGoalRateMb) {
    }
}
