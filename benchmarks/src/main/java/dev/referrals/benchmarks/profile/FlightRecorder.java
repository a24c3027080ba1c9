package dev.referrals.benchmarks.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Java Flight Recorder in a running service, started and stopped with {@code jcmd} around a measured window only, so
 * that start-up and idle time do not dilute the profile. It records only stack samples ({@code stack-samples.jfc}):
 * Java stacks every 10 ms and threads in native code every 20 ms. The JDK's {@code profile} settings cost the API
 * three quarters of its throughput (see the settings file), so they are not used.
 */
public final class FlightRecorder {

    private static final String SETTINGS_RESOURCE = "stack-samples.jfc";
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;

    public FlightRecorder(Path dir) {
        this.dir = dir;
    }

    /** Starts a recording named {@code name} in the process. */
    public void start(long pid, String name) {
        jcmd(pid, "JFR.start", "name=" + name, "settings=" + settingsFile());
    }

    /** The settings, copied next to the recordings: jcmd reads them from a file. */
    private Path settingsFile() {
        Path file = dir.resolve(SETTINGS_RESOURCE).toAbsolutePath();
        if (!Files.exists(file)) {
            try (InputStream settings = FlightRecorder.class.getResourceAsStream(SETTINGS_RESOURCE)) {
                if (settings == null) {
                    throw new IllegalStateException(SETTINGS_RESOURCE + " is missing from the benchmarks' classes");
                }
                Files.copy(settings, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** Stops the recording and returns its file. */
    public Path stop(long pid, String name) {
        Path file = dir.resolve(name + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file);
        return file;
    }

    private static void jcmd(long pid, String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(JCMD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed for pid " + pid);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
