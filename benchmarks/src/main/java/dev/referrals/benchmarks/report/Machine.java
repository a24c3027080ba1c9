package dev.referrals.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured: on a shared machine, only figures of one run on one machine can be compared.
 *
 * @param cores       processors available to the JVM
 * @param memoryBytes total memory
 */
public record Machine(int cores, long memoryBytes, String cpu, String os, String jvm) {

    private static final long KIB = 1024;

    public static Machine detect() {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotal(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                        + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private static long memTotal() {
        return procLine("/proc/meminfo", "MemTotal:")
                .map(value -> Long.parseLong(value.trim().split("\\s+")[0]) * KIB).orElse(0L);
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(value -> value.substring(value.indexOf(':') + 1).trim())
                .orElse("unknown");
    }

    private static java.util.Optional<String> procLine(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length())).findFirst();
        } catch (IOException | RuntimeException notLinux) {
            return java.util.Optional.empty();
        }
    }
}
