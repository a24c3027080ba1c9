package dev.referrals.benchmarks.harness;

import dev.referrals.localrun.Service;
import dev.referrals.localrun.ServiceProcess;
import java.time.Duration;

/**
 * A service process the benchmark started, with how long it took from launch to readiness.
 *
 * @param startUp launch of the JVM to the first 200 of its readiness probe
 */
public record RunningService(Service service, ServiceProcess process, Duration startUp) {

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return process.baseUrl();
    }
}
