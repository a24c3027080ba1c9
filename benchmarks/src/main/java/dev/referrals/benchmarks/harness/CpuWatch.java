package dev.referrals.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU over a measured window, from {@code /proc}: how busy the whole machine was, and how many cores each watched
 * process used. A stage whose machine is near 100 % busy is bound by the CPU of everything on it (the service, the
 * broker, PostgreSQL, the load tool), whatever its own profile says.
 */
public final class CpuWatch {

    /** Kernel clock ticks per second ({@code USER_HZ}), which {@code /proc} counts in on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final int IDLE = 3;
    private static final Duration LONGEST_EXTENSION = Duration.ofSeconds(1);
    private static final Duration TICK_POLL = Duration.ofMillis(10);
    private static final int IOWAIT = 4;
    private static final int PROCESS_USER_TIME = 13;
    private static final int PROCESS_SYSTEM_TIME = 14;

    /**
     * @param machineBusy   share of all cores' time not idle, 0 to 1
     * @param coresByName   cores used by each watched process, on average over the window
     */
    public record Usage(double machineBusy, Map<String, Double> coresByName) {
    }

    private final long startNanos;
    private final long[] startMachine;
    /** The harness's own JVM: the Kafka broker, the schema registry, the SMTP sink and the load tool. */
    public static final String HARNESS = "harness (broker, registry, SMTP sink, load tool)";
    public static final String POSTGRES = "PostgreSQL (all processes)";
    private static final String POSTGRES_COMMAND = "postgres";

    private final Map<String, List<Long>> pids = new ConcurrentHashMap<>();
    private final Map<String, Long> startTicks = new ConcurrentHashMap<>();

    private CpuWatch() {
        this.startNanos = System.nanoTime();
        this.startMachine = machine();
    }

    /**
     * Starts a window over the machine, these processes by name, the harness and PostgreSQL.
     *
     * @param postgres the PostgreSQL server's main process, whose children are its connections; empty when the
     *                 server is not on this machine
     */
    public static CpuWatch start(Map<String, Long> processes, java.util.Optional<ProcessHandle> postgres) {
        CpuWatch watch = new CpuWatch();
        processes.forEach((name, pid) -> watch.watch(name, List.of(pid)));
        watch.watch(HARNESS, List.of(ProcessHandle.current().pid()));
        postgres.ifPresent(server -> watch.watch(POSTGRES, java.util.stream.Stream.concat(java.util.stream.Stream.of(
                server), server.descendants()).map(ProcessHandle::pid).toList()));
        return watch;
    }

    /**
     * The main process of the PostgreSQL server listening on this port. The embedded server detaches from the
     * harness when it starts, so it is found by its command line, not among the harness's children.
     */
    public static java.util.Optional<ProcessHandle> postgresServer(int port) {
        String portArgument = String.valueOf(port);
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().orElse("").endsWith(POSTGRES_COMMAND))
                .filter(process -> {
                    List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
                    int flag = arguments.indexOf("-p");
                    return flag >= 0 && flag + 1 < arguments.size() && arguments.get(flag + 1).equals(portArgument);
                })
                .findFirst();
    }

    private void watch(String name, List<Long> group) {
        pids.put(name, group);
        startTicks.put(name, ticks(group));
    }

    /** The window's usage so far. */
    public Usage stop() {
        long[] end = awaitMachineTicks();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long busy = (end[0] - end[1]) - (startMachine[0] - startMachine[1]);
        long total = end[0] - startMachine[0];
        Map<String, Double> cores = new ConcurrentHashMap<>();
        pids.forEach((name, group) -> cores.put(name,
                Math.max(0, ticks(group) - startTicks.get(name)) / TICKS_PER_SECOND / seconds));
        return new Usage(total > 0 ? busy / (double) total : Double.NaN, Map.copyOf(cores));
    }

    /**
     * The machine's ticks now, or, when they have not moved since the window began, as soon as they do, at most
     * {@link #LONGEST_EXTENSION} later. {@code /proc/stat} moves in clock ticks, and in some sandboxes less often:
     * a window shorter than that (a smoke run's drain of half a second) would otherwise have no machine figure.
     */
    private long[] awaitMachineTicks() {
        long[] end = machine();
        long deadline = System.nanoTime() + LONGEST_EXTENSION.toNanos();
        while (end[0] <= startMachine[0] && System.nanoTime() < deadline) {
            try {
                Thread.sleep(TICK_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            end = machine();
        }
        return end;
    }

    /** Total and idle ticks of all cores. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[IDLE + 1]) + Long.parseLong(fields[IOWAIT + 1])};
        } catch (IOException | RuntimeException notLinux) {
            return new long[] {0, 0};
        }
    }

    /** CPU ticks of the processes of a group that are still running. */
    private static long ticks(List<Long> group) {
        return group.stream().mapToLong(pid -> processTicks(pid).orElse(0)).sum();
    }

    private static OptionalLong processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // The command name may hold spaces; the fields after it are fixed.
            List<String> fields = List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+"));
            int offset = 2;
            return OptionalLong.of(Long.parseLong(fields.get(PROCESS_USER_TIME - offset))
                    + Long.parseLong(fields.get(PROCESS_SYSTEM_TIME - offset)));
        } catch (IOException | RuntimeException exited) {
            return OptionalLong.empty();
        }
    }
}
