package dev.referrals.benchmarks.harness;

import dev.referrals.localrun.Pipeline;
import dev.referrals.localrun.PipelineSettings;
import dev.referrals.localrun.Service;
import dev.referrals.localrun.ServicePorts;
import dev.referrals.localrun.ServiceProcess;
import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts one service as its own JVM, from its runnable jar, with the JVM options of the local run (so its memory is
 * what a developer's run uses) against the local stack, in a topic namespace and database of the stage's own.
 *
 * <p>Unlike {@code Pipeline}, which starts all three together, each stage starts only what it measures: a service
 * that is not measured would take CPU from the one that is.
 */
public final class ServiceLauncher {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LocalStack stack;
    private final Path servicesDir;
    private final Path logDir;
    private final ServiceFigures figures;
    private final List<String> jvmOptions;
    private final Set<RunningService> running = ConcurrentHashMap.newKeySet();

    public ServiceLauncher(LocalStack stack, Path servicesDir, Path logDir, ServiceFigures figures,
                           List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.stack = stack;
        this.servicesDir = servicesDir;
        this.logDir = logDir;
        this.figures = figures;
    }

    /**
     * Launches the service and waits until it is ready.
     *
     * @param label  names its log, {@code <label>-<module>.log}
     * @param extra  Spring properties of this stage, over the service's own
     */
    public RunningService start(Service service, String label, TopicNamespace namespace, DatabaseCoordinates database,
                                Map<String, String> extra) {
        return start(service, label, namespace, database, extra, new ServicePorts(
                LocalPorts.resolve(LocalPorts.ANY_FREE_PORT), LocalPorts.resolve(LocalPorts.ANY_FREE_PORT)));
    }

    /** Launches the service on these ports, for an instance that must come back where it was after a kill. */
    public RunningService start(Service service, String label, TopicNamespace namespace, DatabaseCoordinates database,
                                Map<String, String> extra, ServicePorts ports) {
        Map<String, String> properties = Pipeline.stackProperties(stack, database, namespace);
        properties.putAll(extra);
        long launched = System.nanoTime();
        ServiceProcess process = ServiceProcess.start(service, servicesDir.resolve(service.jarName()), ports,
                properties, jvmOptions, logDir.resolve(label + "-" + service.module() + ".log"));
        try {
            process.awaitReady(PipelineSettings.DEFAULT_READY_TIMEOUT);
        } catch (RuntimeException notReady) {
            process.kill();
            throw notReady;
        }
        RunningService started = new RunningService(service, process, Duration.ofNanos(System.nanoTime() - launched));
        running.add(started);
        return started;
    }

    /**
     * A graceful stop: consumers leave their groups and commit, so the next start of the group is quick. The
     * process's peak resident memory is read first, while it still exists.
     */
    public void stop(RunningService service) {
        RssWatch.highWaterMark(service.pid()).ifPresent(bytes -> figures.peakRss(service.service(), bytes));
        service.process().stop(STOP_GRACE);
        running.remove(service);
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is committed or flushed, as when a machine dies. */
    public void kill(RunningService service) {
        service.process().kill();
        running.remove(service);
    }

    /** Stops whatever is still running: a failed stage, or Ctrl-C, must not leave services behind. */
    public void stopAll() {
        running.parallelStream().forEach(this::stop);
    }
}
