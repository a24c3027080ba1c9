package dev.referrals.localstack.postgres;

import dev.referrals.localstack.LocalPorts;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which PostgreSQL the stack uses.
 *
 * @param port     where the embedded server listens, or {@link LocalPorts#ANY_FREE_PORT}
 * @param dataDir  a data directory kept across restarts; empty for a temporary one deleted on close
 * @param external a server named in the environment; when present, nothing embedded starts
 */
public record PostgresSettings(int port, Optional<Path> dataDir, Optional<ExternalDatabase> external) {

    public PostgresSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(external, "external");
    }

    /** A temporary embedded server on a free port, unless the environment names an external server. */
    public static PostgresSettings temporary() {
        return new PostgresSettings(LocalPorts.ANY_FREE_PORT, Optional.empty(), ExternalDatabase.fromEnvironment());
    }

    /** An embedded server whose databases survive restarts, unless the environment names an external server. */
    public static PostgresSettings persistent(Path dataDir, int port) {
        return new PostgresSettings(port, Optional.of(dataDir), ExternalDatabase.fromEnvironment());
    }
}
