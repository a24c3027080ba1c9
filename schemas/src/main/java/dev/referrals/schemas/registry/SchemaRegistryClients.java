package dev.referrals.schemas.registry;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** Builds the registry client that a serde's configuration asks for. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    /**
     * The shared in-memory registry of the scope for {@code schema.registry.url=mock://scope}; otherwise a cached
     * REST client of the URLs, configured with Confluent's keys (see {@link SchemaRegistryClientConfig}).
     *
     * @throws ConfigException when {@code schema.registry.url} is missing or a setting is invalid
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        ConfigReader config = ConfigReader.forRegistryClient(configs);
        String url = config.string(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL).orElseThrow(
                () -> new ConfigException(SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL + " is required"));
        if (MockSchemaRegistryClient.isMockUrl(url)) {
            return MockSchemaRegistryClient.forScope(MockSchemaRegistryClient.scopeOf(url));
        }
        Duration latestTtl = Duration.ofSeconds(config.number(SchemaRegistryClientConfig.LATEST_CACHE_TTL_SEC,
                SchemaRegistryClientConfig.DEFAULT_LATEST_CACHE_TTL_SEC));
        return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(configs), latestTtl);
    }
}
