package dev.referrals.platform.health;

import dev.referrals.schemas.registry.SchemaRegistryClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the schema registry answers; part of readiness, since no record can be read or written without it. A
 * failure is shown without the credentials of the registry URL.
 */
public class SchemaRegistryHealthIndicator implements HealthIndicator, AutoCloseable {

    private final SchemaRegistryClient client;

    public SchemaRegistryHealthIndicator(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("compatibility", client.globalCompatibility()).build();
        } catch (RuntimeException unreachable) {
            return HealthFailure.down(unreachable);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
