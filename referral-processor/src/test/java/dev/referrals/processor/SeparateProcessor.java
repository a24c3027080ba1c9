package dev.referrals.processor;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.localstack.spring.LocalStackContextInitializer;
import dev.referrals.schemas.TopicNamespace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A processor of a test's own, on that test's database and topic namespace (so its own consumer groups), for a test
 * that restarts it or changes what it runs against. Quick bounded retries and quick waits for a dependency that is
 * down, as in the shared context.
 */
final class SeparateProcessor {

    private SeparateProcessor() {
    }

    /** Starts it; {@code adjust} changes the properties first, for example the registry or the fingerprint keys. */
    static ConfigurableApplicationContext start(LocalStack stack, TopicNamespace namespace,
            DatabaseCoordinates database, Consumer<Map<String, Object>> adjust) {
        Map<String, Object> properties = new LinkedHashMap<>(
                LocalStackContextInitializer.properties(stack, namespace, database));
        properties.put("referrals.kafka.retry.initial-interval", "50ms");
        properties.put("referrals.kafka.retry.max-attempts", "2");
        properties.put("referrals.kafka.outage.initial-interval", "100ms");
        properties.put("referrals.kafka.outage.max-interval", "500ms");
        properties.put("logging.level.org.apache.kafka", "ERROR");
        adjust.accept(properties);
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(ReferralProcessorApplication.class, ProcessorTestConfiguration.class)
                .web(WebApplicationType.NONE)
                .run(arguments);
    }
}
