package dev.referrals.localstack.kafka;

import dev.referrals.localstack.LocalPorts;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the in-JVM broker listens and keeps its log.
 *
 * @param host           the host name both listeners bind and advertise; the broker is for this machine only
 * @param port           the client listener, or {@link LocalPorts#ANY_FREE_PORT}
 * @param controllerPort the KRaft controller listener, or {@link LocalPorts#ANY_FREE_PORT}
 * @param logDir         a directory kept across restarts; empty for a temporary one deleted on close
 */
public record KafkaBrokerSettings(String host, int port, int controllerPort, Optional<Path> logDir) {

    public static final String LOCALHOST = "localhost";

    public KafkaBrokerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(logDir, "logDir");
    }

    /** Free ports and a temporary log dir: what a test wants. */
    public static KafkaBrokerSettings temporary() {
        return new KafkaBrokerSettings(LOCALHOST, LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT, Optional.empty());
    }

    /** A broker whose topics and records survive a restart on the same directory. */
    public static KafkaBrokerSettings persistent(Path logDir, int port, int controllerPort) {
        return new KafkaBrokerSettings(LOCALHOST, port, controllerPort, Optional.of(logDir));
    }
}
