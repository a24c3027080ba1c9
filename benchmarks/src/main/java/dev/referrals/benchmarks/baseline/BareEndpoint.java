package dev.referrals.benchmarks.baseline;

import dev.referrals.benchmarks.harness.Poll;
import dev.referrals.localstack.LocalPorts;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bare endpoint as a process: started, awaited, stopped. */
public final class BareEndpoint implements AutoCloseable {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int ACCEPTED = 202;
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;
    private static final String PROBE_PATH = "/api/v1/invitations/probe/decline";

    private final Process process;
    private final int port;
    private final Duration startUp;

    private BareEndpoint(Process process, int port, Duration startUp) {
        this.process = process;
        this.port = port;
        this.startUp = startUp;
    }

    /** @param jvmOptions the services' JVM options, so the baseline runs as they do */
    public static BareEndpoint start(JavaProcess java, List<String> jvmOptions, Duration readyTimeout) {
        int port = LocalPorts.resolve(LocalPorts.ANY_FREE_PORT);
        long launched = System.nanoTime();
        Process process = java.start("bare-endpoint", jvmOptions,
                BareEndpointApplication.class.getName(), List.of("--server.port=" + port));
        try {
            Poll.until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the bare endpoint exited with " + process.exitValue());
                }
                return answers(port);
            }, readyTimeout, PROBE_INTERVAL, "the bare endpoint");
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new BareEndpoint(process, port, Duration.ofNanos(System.nanoTime() - launched));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Duration startUp() {
        return startUp;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static boolean answers(int port) {
        try {
            HttpURLConnection probe = (HttpURLConnection) URI.create("http://localhost:" + port + PROBE_PATH).toURL()
                    .openConnection();
            probe.setConnectTimeout(PROBE_TIMEOUT_MILLIS);
            probe.setReadTimeout(PROBE_TIMEOUT_MILLIS);
            probe.setRequestMethod("POST");
            probe.setDoOutput(true);
            probe.setRequestProperty("Content-Type", "application/json");
            probe.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
            return probe.getResponseCode() == ACCEPTED;
        } catch (IOException notYet) {
            return false;
        }
    }
}
