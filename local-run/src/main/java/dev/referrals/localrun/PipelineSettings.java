package dev.referrals.localrun;

import dev.referrals.localstack.LocalPorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the launcher runs the services.
 *
 * @param servicesDir  where the runnable jars are ({@code local-run/target/services})
 * @param logDir       where each service writes {@code <module>.log}
 * @param ports        the HTTP and management ports of each service; {@code 0} for any free port
 * @param jvmOptions   options of every service JVM, for example its heap
 * @param readyTimeout how long a service may take to report readiness
 * @param properties   extra Spring properties per service, for example a shorter grace period in a test
 */
public record PipelineSettings(Path servicesDir, Path logDir, Map<Service, ServicePorts> ports, List<String> jvmOptions,
                               Duration readyTimeout, Map<Service, Map<String, String>> properties) {

    /** The default directory of the runnable jars, relative to the repository root. */
    public static final Path DEFAULT_SERVICES_DIR = Path.of("local-run", "target", "services");

    /**
     * A small heap and the serial collector: three services and the stack share two cores and must each stay under
     * 256 MB of resident memory (the benchmark goal).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=160m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m");

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

    public PipelineSettings {
        Objects.requireNonNull(servicesDir, "servicesDir");
        Objects.requireNonNull(logDir, "logDir");
        ports = Map.copyOf(ports);
        jvmOptions = List.copyOf(jvmOptions);
        properties = Map.copyOf(properties);
    }

    /** Each service on its usual port, jars and logs where the build and the local run put them. */
    public static PipelineSettings defaults(Path servicesDir, Path logDir) {
        Map<Service, ServicePorts> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, new ServicePorts(service.defaultPort(), service.defaultManagementPort()));
        }
        return new PipelineSettings(servicesDir, logDir, ports, DEFAULT_JVM_OPTIONS, DEFAULT_READY_TIMEOUT, Map.of());
    }

    public PipelineSettings withPorts(Map<Service, ServicePorts> newPorts) {
        return new PipelineSettings(servicesDir, logDir, newPorts, jvmOptions, readyTimeout, properties);
    }

    /** Every port of every service free, as tests want them, so they never clash with a running local run. */
    public PipelineSettings withAnyFreePorts() {
        Map<Service, ServicePorts> anyFree = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            anyFree.put(service, new ServicePorts(LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT));
        }
        return withPorts(anyFree);
    }

    public PipelineSettings withProperties(Map<Service, Map<String, String>> newProperties) {
        return new PipelineSettings(servicesDir, logDir, ports, jvmOptions, readyTimeout, newProperties);
    }

    public ServicePorts ports(Service service) {
        return ports.getOrDefault(service, new ServicePorts(service.defaultPort(), service.defaultManagementPort()));
    }

    public Map<String, String> properties(Service service) {
        return properties.getOrDefault(service, Map.of());
    }
}
