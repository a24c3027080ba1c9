package dev.referrals.localstack;

import dev.referrals.localstack.registry.SchemaRegistryServer;
import dev.referrals.localstack.registry.SchemaRegistrySettings;
import java.util.Optional;

/**
 * Starts the schema registry of the stack, once the broker it keeps its {@code _schemas} topic on is up.
 *
 * <p>This is the one place that knows the registry server's API; the rest of the stack sees a
 * {@link RunningRegistry}, so the stack can also run without one (see {@link LocalStack#schemaRegistryUrl()}).
 */
final class RegistrySlot {

    private static final String WHAT = "Schema registry";

    private RegistrySlot() {
    }

    static Optional<RunningRegistry> start(LocalStackSettings settings, String bootstrapServers) {
        // Checked here too, so a busy registry port reads like every other busy port of the stack.
        if (settings.registryPort() != LocalPorts.ANY_FREE_PORT) {
            LocalPorts.requireFree(WHAT, settings.host(), settings.registryPort(), Setting.REGISTRY_PORT);
        }
        SchemaRegistryServer server = SchemaRegistryServer.start(SchemaRegistrySettings
                .forBootstrapServers(bootstrapServers)
                .withHost(settings.host())
                .withPort(settings.registryPort()));
        return Optional.of(new RunningRegistry() {
            @Override
            public String url() {
                return server.url();
            }

            @Override
            public void close() {
                server.close();
            }
        });
    }
}
