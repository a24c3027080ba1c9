package dev.referrals.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The pids of the services a local run started, kept in the state directory. A run that was killed outright (its
 * shutdown hook never ran) leaves its services running; the next run stops them before it starts its own.
 */
final class ServiceRecord {

    /** Only a process running one of our jars is ever stopped, in case the pid was reused. */
    private static final String OUR_JAR_SUFFIX = "-exec.jar";

    private final Path file;

    ServiceRecord(Path file) {
        this.file = file;
    }

    /** Stops the services a previous run left behind; returns how many there were. */
    int stopLeftovers() {
        if (!Files.exists(file)) {
            return 0;
        }
        int stopped = 0;
        for (String line : read()) {
            Optional<ProcessHandle> leftover = parse(line).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().orElse("").contains(OUR_JAR_SUFFIX));
            if (leftover.isPresent()) {
                leftover.get().destroyForcibly();
                leftover.get().onExit().join();
                stopped++;
            }
        }
        clear();
        return stopped;
    }

    void write(Collection<Long> pids) {
        List<String> lines = new ArrayList<>();
        pids.forEach(pid -> lines.add(String.valueOf(pid)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private List<String> read() {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }
}
