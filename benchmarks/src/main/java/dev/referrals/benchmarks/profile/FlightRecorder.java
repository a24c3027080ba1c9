package dev.referrals.benchmarks.profile;

import dev.referrals.benchmarks.harness.Jcmd;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Java Flight Recorder in a running service, started and stopped with {@code jcmd} around a measured window only, so
 * that start-up and idle time do not dilute the profile. It records only stack samples ({@code stack-samples.jfc}):
 * Java stacks every 10 ms and threads in native code every 20 ms. The JDK's {@code profile} settings cost the API
 * three quarters of its throughput (see the settings file), so they are not used.
 */
public final class FlightRecorder {

    private static final String SETTINGS_RESOURCE = "stack-samples.jfc";
    private final Path dir;

    public FlightRecorder(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts a recording that runs until the process ends and whose samples are never read, before a warm-up. The
     * first recording in a JVM throws away much of its compiled code (the API, warmed to 359 declines/s, measured
     * 78/s in the recorded window, and its JIT needed 50 s afterwards to work off the recompilations); with the
     * recorder already on, that cost falls in the warm-up, and the measured window's own recording costs only its
     * samples.
     */
    public void standBy(long pid) {
        jcmd(pid, "JFR.start", "name=stand-by", "settings=" + settingsFile(), "maxage=1m");
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
        Jcmd.run(pid, command);
    }
}
