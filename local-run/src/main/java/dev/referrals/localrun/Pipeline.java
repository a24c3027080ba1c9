package dev.referrals.localrun;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.localstack.spring.LocalStackContextInitializer;
import dev.referrals.schemas.TopicNamespace;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The three services running as processes against a local stack, under one topic namespace, each with its own
 * database. Used by the local run, the end-to-end tests and the benchmarks.
 */
public final class Pipeline implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final LocalStack stack;
    private final TopicNamespace namespace;
    private final PipelineSettings settings;
    private final Map<Service, DatabaseCoordinates> databases;
    private final Map<Service, ServicePorts> ports = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private final Thread stopOnExit = new Thread(this::close, "pipeline-stop");

    private Pipeline(LocalStack stack, TopicNamespace namespace, PipelineSettings settings,
                     Map<Service, DatabaseCoordinates> databases) {
        this.stack = stack;
        this.namespace = namespace;
        this.settings = settings;
        this.databases = databases;
    }

    /**
     * Starts every service at once, then waits until each is ready, reporting each step to {@code progress}.
     *
     * @param databaseOf the database each service gets, for example a fresh one per test
     */
    public static Pipeline start(LocalStack stack, TopicNamespace namespace, PipelineSettings settings,
                                 Function<Service, DatabaseCoordinates> databaseOf, Consumer<String> progress) {
        Map<Service, DatabaseCoordinates> databases = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            databases.put(service, databaseOf.apply(service));
        }
        Pipeline pipeline = new Pipeline(stack, namespace, settings, databases);
        // Children must not outlive the launcher when it is stopped with Ctrl-C or ends normally.
        Runtime.getRuntime().addShutdownHook(pipeline.stopOnExit);
        try {
            for (Service service : Service.values()) {
                ServicePorts configured = settings.ports(service);
                pipeline.ports.put(service, new ServicePorts(LocalPorts.resolve(configured.http()),
                        LocalPorts.resolve(configured.management())));
                pipeline.launch(service);
                progress.accept("started " + service.module() + " (pid " + pipeline.processes.get(service).pid()
                        + "), log in " + pipeline.processes.get(service).log());
            }
            for (Service service : Service.values()) {
                pipeline.processes.get(service).awaitReady(settings.readyTimeout());
                progress.accept(service.module() + " is ready on " + pipeline.baseUrl(service));
            }
            return pipeline;
        } catch (RuntimeException failure) {
            pipeline.close();
            throw failure;
        }
    }

    /** Stops the service gracefully, or kills it when {@code crash}, then starts it again and waits for it. */
    public void restart(Service service, boolean crash) {
        ServiceProcess running = processes.get(service);
        if (crash) {
            running.kill();
        } else {
            running.stop(STOP_GRACE);
        }
        launch(service);
        processes.get(service).awaitReady(settings.readyTimeout());
    }

    /** Stops the service gracefully and leaves it stopped. */
    public void stop(Service service) {
        processes.get(service).stop(STOP_GRACE);
    }

    /** Starts a stopped service again and waits for it. */
    public void startAgain(Service service) {
        launch(service);
        processes.get(service).awaitReady(settings.readyTimeout());
    }

    public ServiceProcess process(Service service) {
        return processes.get(service);
    }

    public String baseUrl(Service service) {
        return "http://localhost:" + ports.get(service).http();
    }

    /** The service's actuator, on its management port. */
    public String managementUrl(Service service) {
        return "http://localhost:" + ports.get(service).management();
    }

    /** The pid of each running service. */
    public List<Long> pids() {
        return processes.values().stream().map(ServiceProcess::pid).toList();
    }

    public TopicNamespace namespace() {
        return namespace;
    }

    public DatabaseCoordinates database(Service service) {
        return databases.get(service);
    }

    @Override
    public void close() {
        processes.values().parallelStream().forEach(ServiceProcess::close);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook itself.
        }
    }

    private void launch(Service service) {
        processes.put(service, ServiceProcess.start(service, settings.servicesDir().resolve(service.jarName()),
                ports.get(service), properties(service), settings.jvmOptions(),
                settings.logDir().resolve(service.module() + ".log")));
    }

    private Map<String, String> properties(Service service) {
        Map<String, String> properties = stackProperties(stack, databases.get(service), namespace);
        properties.putAll(settings.properties(service));
        return properties;
    }

    /**
     * The Spring properties that point a service at the local stack, the same as a test context gets: the broker,
     * the registry, its database and its credentials, the SMTP sink, its topic namespace, the local email
     * fingerprint key, and the authorization server's issuer and audience. A new, modifiable map, in this order.
     */
    public static Map<String, String> stackProperties(LocalStack stack, DatabaseCoordinates database,
                                                      TopicNamespace namespace) {
        Map<String, String> properties = new LinkedHashMap<>();
        LocalStackContextInitializer.properties(stack, namespace, database)
                .forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }
}
