package dev.referrals.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM, from its runnable jar, as it runs in production: its own heap, its own
 * logs, and a real process that can be stopped gracefully or killed to simulate a crash.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final String READINESS_PATH = "/actuator/health/readiness";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final String FAILURE_DESCRIPTION = "Description:";
    private static final int LOG_LINES_ON_FAILURE = 15;

    private final Service service;
    private final ServicePorts ports;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();

    private ServiceProcess(Service service, ServicePorts ports, Path log, Process process) {
        this.service = service;
        this.ports = ports;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the service's jar with these Spring properties (passed as {@code --key=value} arguments, which win over
     * everything else) and JVM options. Output goes to {@code log}. Returns at once; see {@link #awaitReady}.
     */
    public static ServiceProcess start(Service service, Path jar, ServicePorts ports, Map<String, String> properties,
                                       List<String> jvmOptions, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar for " + service.module() + " at " + jar
                    + ": build it first with ./mvnw -B -q install -DskipTests");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + ports.http());
        command.add("--management.server.port=" + ports.management());
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ServiceProcess(service, ports, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    /**
     * Waits until the service reports readiness. If it dies first, or is not ready in time, the failure names the
     * service and carries Spring Boot's one-line failure description from its log when there is one.
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with status " + process.exitValue()
                        + " before it was ready: " + failureSummary());
            }
            if (isReady()) {
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException(service.module() + " was not ready within " + timeout + ": "
                + failureSummary());
    }

    /** Whether the readiness probe answers 200 now. */
    public boolean isReady() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                            URI.create(managementUrl() + READINESS_PATH)).timeout(PROBE_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A graceful stop (SIGTERM): Spring closes its consumers, commits, and exits; forced after {@code grace}. */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A crash (SIGKILL): nothing is closed, nothing is committed. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(20));
        }
    }

    public Service service() {
        return service;
    }

    public ServicePorts ports() {
        return ports;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public String baseUrl() {
        return "http://localhost:" + ports.http();
    }

    /** Where its actuator is: health, prometheus, and for ops tokens consumer lag and dead letters. */
    public String managementUrl() {
        return "http://localhost:" + ports.management();
    }

    /** Spring Boot's failure description when the log has one, else the last lines of the log. */
    String failureSummary() {
        List<String> lines = logLines();
        int description = lines.indexOf(FAILURE_DESCRIPTION);
        Optional<String> analysed = description < 0 ? Optional.empty() : lines.subList(description + 1, lines.size())
                .stream().filter(line -> !line.isBlank()).findFirst();
        return analysed.orElseGet(() -> "see " + log + "; last lines:" + System.lineSeparator() + String.join(
                System.lineSeparator(), lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size())));
    }

    private List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
