package dev.referrals.benchmarks.soak;

import dev.referrals.benchmarks.harness.RunningService;
import dev.referrals.benchmarks.harness.ServiceLauncher;
import dev.referrals.localrun.Service;
import dev.referrals.localrun.ServicePorts;
import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two (or more) instances of each service against the same topics and the same database per service, each on ports
 * of its own that it keeps across a kill, so that the caller and the checks find it again.
 */
final class SoakServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SoakServices.class);

    /**
     * A killed instance may come back while PostgreSQL or the registry is down, when its start-up check refuses to
     * start: it is started again until it is ready or this much time has passed.
     */
    private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);

    private final ServiceLauncher launcher;
    private final TopicNamespace namespace;
    private final Map<Service, DatabaseCoordinates> databases;
    private final List<Instance> instances = new ArrayList<>();
    private final Map<Instance, RunningService> running = new ConcurrentHashMap<>();

    SoakServices(ServiceLauncher launcher, TopicNamespace namespace, Map<Service, DatabaseCoordinates> databases,
                 int instancesPerService) {
        this.launcher = launcher;
        this.namespace = namespace;
        this.databases = Map.copyOf(databases);
        for (Service service : Service.values()) {
            for (int index = 1; index <= instancesPerService; index++) {
                instances.add(new Instance(service, index, new ServicePorts(
                        LocalPorts.resolve(LocalPorts.ANY_FREE_PORT), LocalPorts.resolve(LocalPorts.ANY_FREE_PORT))));
            }
        }
    }

    /** Starts every instance, all at once, and returns when each is ready. */
    void startAll() {
        CompletableFuture.allOf(instances.stream()
                .map(instance -> CompletableFuture.runAsync(() -> running.put(instance, start(instance))))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** The instances of this service, in a fixed order. */
    List<Instance> of(Service service) {
        return instances.stream().filter(instance -> instance.service() == service).toList();
    }

    List<Instance> all() {
        return List.copyOf(instances);
    }

    /**
     * {@code kill -9} of this instance, then a start on the same ports. Returns how long it was gone: from the kill to
     * ready again.
     */
    Duration killAndRestart(Instance instance) {
        Instant killedAt = Instant.now();
        launcher.kill(running.remove(instance));
        Instant deadline = killedAt.plus(RESTART_TIMEOUT);
        while (true) {
            try {
                running.put(instance, start(instance));
                return Duration.between(killedAt, Instant.now());
            } catch (RuntimeException notReady) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(instance + " did not come back within " + RESTART_TIMEOUT
                            + " of its kill: " + notReady.getMessage(), notReady);
                }
                log.info("{} not ready after its restart, starting it again: {}", instance, notReady.getMessage());
                sleep(RESTART_PAUSE);
            }
        }
    }

    private RunningService start(Instance instance) {
        return launcher.start(instance.service(), "soak-" + instance.index(), namespace,
                databases.get(instance.service()), Map.of(), instance.ports());
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting a service", e);
        }
    }

    @Override
    public void close() {
        running.values().parallelStream().forEach(launcher::stop);
        running.clear();
    }

    /** One instance: {@code referral-api#1} on its own HTTP and management ports. */
    record Instance(Service service, int index, ServicePorts ports) {
        String managementUrl() {
            return "http://localhost:" + ports.management();
        }

        @Override
        public String toString() {
            return service.module() + "#" + index;
        }
    }
}
