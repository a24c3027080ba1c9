package dev.referrals.platform.startup;

import dev.referrals.schemas.privacy.CredentialRedaction;
import dev.referrals.schemas.registry.SchemaRegistryClient;
import dev.referrals.schemas.registry.SchemaRegistryClients;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.springframework.beans.factory.InitializingBean;

/**
 * Fails start-up with one line when the schema registry does not answer, instead of failing later on the first
 * record; the line shows no credential of the URL. An in-memory ({@code mock://}) registry needs no check.
 */
public class SchemaRegistryStartupCheck implements InitializingBean {

    private static final String IN_MEMORY_SCHEME = "mock://";

    private final Map<String, Object> clientConfig;

    public SchemaRegistryStartupCheck(Map<String, Object> clientConfig) {
        this.clientConfig = clientConfig;
    }

    @Override
    public void afterPropertiesSet() {
        Object url = clientConfig.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        if (url == null || String.valueOf(url).startsWith(IN_MEMORY_SCHEME)) {
            return;
        }
        SchemaRegistryClient client;
        try {
            client = SchemaRegistryClients.fromConfig(clientConfig);
        } catch (ConfigException misconfigured) {
            throw new MissingDependencyException(CredentialRedaction.redact(
                    "Schema registry client is misconfigured: " + misconfigured.getMessage()), misconfigured);
        }
        try {
            client.globalCompatibility();
        } catch (RuntimeException unreachable) {
            throw new MissingDependencyException(CredentialRedaction.redact(
                    "Schema registry is not reachable at %s (%s): %s, or set SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL."
                            .formatted(url, unreachable.getMessage(), MissingDependencyFailureAnalyzer.LOCAL_STACK_HINT)),
                    unreachable);
        } finally {
            client.close();
        }
    }
}
