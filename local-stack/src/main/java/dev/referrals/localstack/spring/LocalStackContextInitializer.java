package dev.referrals.localstack.spring;

import dev.referrals.localstack.LocalFingerprintKey;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.SharedLocalStack;
import dev.referrals.localstack.auth.LocalIdentities;
import dev.referrals.localstack.postgres.DatabaseCoordinates;
import dev.referrals.schemas.TopicNamespace;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring test context at the shared local stack, with a topic namespace and a database of its own, and
 * gives it the credentials and the email fingerprint key that no {@code application.yml} holds:
 * {@code @SpringBootTest @ContextConfiguration(initializers = LocalStackContextInitializer.class)}.
 *
 * <p>Its properties come right after the test's own inlined properties, so they win over {@code application.yml}
 * and the test's properties win over them. Spring caches contexts by configuration,
 * so each distinct context gets its namespace and database once, and tests that share a context share them too.
 */
public final class LocalStackContextInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE_NAME = "localStack";

    public static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    public static final String SCHEMA_REGISTRY_URL = "spring.kafka.properties.schema.registry.url";
    public static final String DATASOURCE_URL = "spring.datasource.url";
    public static final String DATASOURCE_USERNAME = "spring.datasource.username";
    public static final String DATASOURCE_PASSWORD = "spring.datasource.password";
    public static final String MAIL_HOST = "spring.mail.host";
    public static final String MAIL_PORT = "spring.mail.port";
    public static final String TOPIC_PREFIX = "referrals.kafka.topic-prefix";
    public static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    public static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    /** Registered first, so it is destroyed last: after every consumer and producer bean of the context. */
    private static final String LEASE_BEAN = "localStackLease";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        LocalStack stack = SharedLocalStack.acquire();
        releaseWhenClosed(context);
        MapPropertySource source = new MapPropertySource(PROPERTY_SOURCE_NAME,
                properties(stack, stack.newTopicNamespace(), stack.newDatabase()));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        // A test's own properties (@SpringBootTest(properties = ...)) still win, for example a closed SMTP port.
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    /** The properties that point a service at the stack, with this namespace and database. */
    public static Map<String, Object> properties(
            LocalStack stack, TopicNamespace namespace, DatabaseCoordinates database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(BOOTSTRAP_SERVERS, stack.kafkaBootstrapServers());
        stack.schemaRegistryUrl().ifPresent(url -> properties.put(SCHEMA_REGISTRY_URL, url));
        properties.put(DATASOURCE_URL, database.jdbcUrl());
        properties.put(DATASOURCE_USERNAME, database.username());
        properties.put(DATASOURCE_PASSWORD, database.password());
        properties.put(MAIL_HOST, stack.mail().host());
        properties.put(MAIL_PORT, stack.mail().smtpPort());
        properties.put(TOPIC_PREFIX, namespace.prefix());
        properties.putAll(LocalFingerprintKey.properties());
        properties.put(ISSUER_URI, stack.authorizationServer().issuerUri());
        properties.put(AUDIENCES, LocalIdentities.AUDIENCE);
        return properties;
    }

    private static Object beanFactoryOf(ConfigurableApplicationContext context) {
        try {
            return context.getBeanFactory();
        } catch (IllegalStateException notYetRefreshed) {
            return null;
        }
    }

    private static void releaseWhenClosed(ConfigurableApplicationContext context) {
        DisposableBean lease = SharedLocalStack::release;
        if (beanFactoryOf(context) instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(LEASE_BEAN, lease);
            return;
        }
        // Only for a context whose bean factory does not exist before refresh (not Spring Boot's): released at the
        // start of close rather than never.
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                SharedLocalStack.release();
            }
        });
    }
}
