package dev.referrals.benchmarks.baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class of the benchmark's own class path in a JVM of its own: Kafka's performance tools end with
 * {@code System.exit}, and a baseline server must not share the harness's heap and threads.
 */
public final class JavaProcess {

    private final String classPath;
    private final Path logDir;

    public JavaProcess(String classPath, Path logDir) {
        this.classPath = classPath;
        this.logDir = logDir;
    }

    /** Starts {@code mainClass}, its output in {@code <log>.log}. */
    public Process start(String log, List<String> jvmOptions, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(arguments);
        try {
            Files.createDirectories(logDir);
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logDir.resolve(log + ".log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + mainClass, e);
        }
    }

    /** Runs {@code mainClass} to its end and returns its output lines. */
    public List<String> run(String log, List<String> jvmOptions, String mainClass, List<String> arguments,
                            Duration timeout) {
        Process process = start(log, jvmOptions, mainClass, arguments);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within " + timeout.toSeconds() + " s");
            }
            List<String> lines = Files.readAllLines(logDir.resolve(log + ".log"));
            if (process.exitValue() != 0) {
                throw new IllegalStateException(mainClass + " exited with " + process.exitValue() + ": "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the output of " + mainClass, e);
        }
    }
}
