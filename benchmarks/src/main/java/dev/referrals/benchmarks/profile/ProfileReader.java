package dev.referrals.benchmarks.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Aggregates a flight recording into the components and methods its samples fall in. A sample is attributed to its
 * innermost frame outside the JDK: a socket read under the PostgreSQL driver is the driver's, not the JDK's.
 */
public final class ProfileReader {

    private static final String CPU_SAMPLE = "jdk.ExecutionSample";
    private static final String NATIVE_SAMPLE = "jdk.NativeMethodSample";
    /** A thread waiting in these has nothing to do (selectors, acceptors, timers): not a bottleneck. */
    private static final Set<String> IDLE_LEAVES = Set.of("sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept",
            "sun.nio.ch.ServerSocketChannelImpl.accept0", "java.lang.Thread.sleep", "java.lang.Object.wait");
    /** Threads that are part of the measurement or of the JVM, not of the service's work. */
    private static final Set<String> IDLE_THREAD_PREFIXES = Set.of("JFR ", "Attach Listener", "Signal Dispatcher",
            "Common-Cleaner", "Reference Handler", "Finalizer");

    private final int top;

    /** @param top how many components and methods to keep */
    public ProfileReader(int top) {
        this.top = top;
    }

    public StageProfile read(Path recording, String service, String stage) {
        Map<String, Long> cpuComponents = new HashMap<>();
        Map<String, Long> cpuFrames = new HashMap<>();
        Map<String, Long> waitComponents = new HashMap<>();
        Map<String, Long> waitFrames = new HashMap<>();
        long cpu = 0;
        long wait = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                boolean isCpu = CPU_SAMPLE.equals(type);
                if (!isCpu && !NATIVE_SAMPLE.equals(type)) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty() || idleThread(event)) {
                    continue;
                }
                if (!isCpu && IDLE_LEAVES.contains(method(stack.getFrames().get(0)))) {
                    continue;
                }
                RecordedFrame frame = innermostNonJdk(stack);
                String component = Component.of(frame.getMethod().getType().getName());
                String method = method(frame);
                if (isCpu) {
                    cpu++;
                    cpuComponents.merge(component, 1L, Long::sum);
                    cpuFrames.merge(method, 1L, Long::sum);
                } else {
                    wait++;
                    waitComponents.merge(component, 1L, Long::sum);
                    waitFrames.merge(method, 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the recording " + recording, e);
        }
        return new StageProfile(service, stage, cpu, shares(cpuComponents, cpu), shares(cpuFrames, cpu), wait,
                shares(waitComponents, wait), shares(waitFrames, wait));
    }

    private List<StageProfile.Share> shares(Map<String, Long> counts, long total) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .map(entry -> new StageProfile.Share(entry.getKey(), entry.getValue() / (double) total))
                .toList();
    }

    private static boolean idleThread(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
        return IDLE_THREAD_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static RecordedFrame innermostNonJdk(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            if (!Component.isJdk(frame.getMethod().getType().getName())) {
                return frame;
            }
        }
        return stack.getFrames().get(0);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
