package dev.referrals.localstack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** The annotation as a service's {@code @SpringBootTest} uses it, through Spring's own test context. */
@ExtendWith(SpringExtension.class)
@LocalStackContext
class LocalStackContextTest {

    @Configuration
    static class NoBeans {
    }

    @Autowired
    Environment environment;

    @Test
    void springTestContextIsPointedAtTheSharedStack() {
        assertThat(environment.getProperty(LocalStackContextInitializer.BOOTSTRAP_SERVERS)).startsWith("localhost:");
        assertThat(environment.getProperty(LocalStackContextInitializer.SCHEMA_REGISTRY_URL)).startsWith("http://");
        assertThat(environment.getProperty(LocalStackContextInitializer.DATASOURCE_URL))
                .startsWith("jdbc:postgresql://");
        assertThat(environment.getProperty(LocalStackContextInitializer.TOPIC_PREFIX)).isNotBlank();
    }
}
