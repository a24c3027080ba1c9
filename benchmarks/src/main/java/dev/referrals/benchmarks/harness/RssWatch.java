package dev.referrals.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the resident memory of processes from {@code /proc/<pid>/status} while a stage runs, keeping the highest
 * value of each; and reads the kernel's own high-water mark ({@code VmHWM}), which catches peaks between samples.
 */
public final class RssWatch implements AutoCloseable {

    private static final String RSS = "VmRSS:";
    private static final String HIGH_WATER_MARK = "VmHWM:";
    private static final long KIB = 1024;

    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> peakBytes = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    public RssWatch(Duration interval) {
        sampler = new Thread(() -> {
            while (running) {
                pids.forEach((name, pid) -> rss(pid).ifPresent(bytes -> peakBytes.merge(name, bytes, Math::max)));
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    public void watch(String name, long pid) {
        pids.put(name, pid);
    }

    /** The highest resident set size sampled for this name so far, in bytes. */
    public long peak(String name) {
        return peakBytes.getOrDefault(name, 0L);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** The current resident set size of a process, in bytes; empty once it has exited. */
    public static Optional<Long> rss(long pid) {
        return statusField(pid, RSS);
    }

    /** The highest resident set size the kernel saw for this process over its life, in bytes. */
    public static Optional<Long> highWaterMark(long pid) {
        return statusField(pid, HIGH_WATER_MARK);
    }

    private static Optional<Long> statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    String kib = line.substring(field.length()).trim().split("\\s+")[0];
                    return Optional.of(Long.parseLong(kib) * KIB);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException exited) {
            return Optional.empty();
        }
    }
}
