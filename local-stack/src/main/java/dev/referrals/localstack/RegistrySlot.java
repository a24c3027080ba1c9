package dev.referrals.localstack;

import dev.referrals.localstack.registry.SchemaRegistryServer;
import dev.referrals.localstack.registry.SchemaRegistrySettings;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the schema registry of the stack, once the broker it keeps its {@code _schemas} topic on is up.
 *
 * <p>This is the one place that knows the registry server's API; the rest of the stack sees a
 * {@link RunningRegistry}, so the stack can also run without one (see {@link LocalStack#schemaRegistryUrl()}).
 */
final class RegistrySlot implements RunningRegistry {

    private static final Logger log = LoggerFactory.getLogger(RegistrySlot.class);

    private static final String WHAT = "Schema registry";

    /** Its port fixed to the one the first start bound, so a restart answers on the same URL. */
    private final SchemaRegistrySettings settings;
    private final String url;
    private SchemaRegistryServer server;

    private RegistrySlot(SchemaRegistrySettings settings, SchemaRegistryServer server) {
        this.settings = settings.withPort(server.port());
        this.url = server.url();
        this.server = server;
    }

    static Optional<RunningRegistry> start(LocalStackSettings settings, String bootstrapServers) {
        // Checked here too, so a busy registry port reads like every other busy port of the stack.
        if (settings.registryPort() != LocalPorts.ANY_FREE_PORT) {
            LocalPorts.requireFree(WHAT, settings.host(), settings.registryPort(), Setting.REGISTRY_PORT);
        }
        SchemaRegistrySettings registrySettings = SchemaRegistrySettings
                .forBootstrapServers(bootstrapServers)
                .withHost(settings.host())
                .withPort(settings.registryPort());
        return Optional.of(new RegistrySlot(registrySettings, SchemaRegistryServer.start(registrySettings)));
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            log.info("Schema registry on {} is stopped already", url);
            return;
        }
        close();
    }

    /** Replays the registry's topic before it answers, as on the first start; a running registry is left alone. */
    @Override
    public synchronized void start() {
        if (server != null) {
            log.info("Schema registry on {} runs already", url);
            return;
        }
        server = SchemaRegistryServer.start(settings);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
