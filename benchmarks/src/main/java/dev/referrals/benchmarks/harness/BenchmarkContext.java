package dev.referrals.benchmarks.harness;

import dev.referrals.benchmarks.BenchmarkSettings;
import dev.referrals.benchmarks.Progress;
import dev.referrals.benchmarks.baseline.JavaProcess;
import dev.referrals.benchmarks.profile.FlightRecorder;
import dev.referrals.benchmarks.profile.ProfileReader;
import dev.referrals.benchmarks.profile.StageProfile;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.auth.LocalIdentities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What every stage shares: the settings, the stack, how services are started, the progress lines, the flight
 * recorder, and the figures collected across stages.
 *
 * @param runId          distinguishes this run's Idempotency-Keys and groups from an earlier run's on a persistent stack
 * @param postgresServer the PostgreSQL server's main process, for its CPU
 */
public record BenchmarkContext(BenchmarkSettings settings, LocalStack stack, ServiceLauncher launcher,
                               JavaProcess java, ConsumerGroups groups, FlightRecorder recorder,
                               ProfileReader profiles, ServiceFigures services, Progress progress,
                               List<StageProfile> stageProfiles, String runId,
                               java.util.Optional<ProcessHandle> postgresServer) {

    public BenchmarkContext {
        stageProfiles = new ArrayList<>(stageProfiles);
    }

    /**
     * Runs {@code work} with the service's flight recorder on, keeping its profile for the report, and measures the
     * CPU of the window.
     */
    public <T> Measured<T> profiled(RunningService running, String stage, Supplier<T> work) {
        String name = running.service().module() + "-" + stage.replaceAll("[^A-Za-z0-9]+", "-");
        recorder.start(running.pid(), name);
        Measured<T> measured = cpu(Map.of(running.service().module(), running.pid()), work);
        var recording = recorder.stop(running.pid(), name);
        synchronized (stageProfiles) {
            stageProfiles.add(profiles.read(recording, running.service().module(), stage));
        }
        return measured;
    }

    /**
     * The upstream job services' token from the stack's authorization server: the load declines for every
     * freelancer, as a trusted service does. It lives an hour, longer than a full run.
     */
    public String serviceToken() {
        return stack.authorizationServer().tokens().serviceToken(LocalIdentities.JOB_SERVICES);
    }

    /** Runs {@code work} and measures the CPU of the machine and of these processes meanwhile. */
    public <T> Measured<T> cpu(Map<String, Long> processes, Supplier<T> work) {
        CpuWatch watch = CpuWatch.start(processes, postgresServer);
        T result = work.get();
        return new Measured<>(result, watch.stop());
    }
}
