package dev.referrals.localstack.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Puts a Spring test context on the shared local stack, next to {@code @SpringBootTest}: Kafka, the registry,
 * PostgreSQL and SMTP, with a topic namespace and a database of the context's own. See
 * {@link LocalStackContextInitializer} for the properties it sets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = LocalStackContextInitializer.class)
public @interface LocalStackContext {
}
