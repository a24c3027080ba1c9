package dev.referrals.api.support;

import dev.referrals.localstack.spring.LocalStackContext;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring context of the API's integration tests (see {@link ApiIntegrationTest}): the whole service on
 * random ports, on the shared local stack, with test-friendly timings. Tests that cannot extend
 * {@link ApiIntegrationTest} use it too, and share the cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // The in-flight test holds a key's lock from outside; a short wait keeps it quick.
        "referrals.api.idempotency.in-flight-wait=1s",
        // Keep the dead-letter tests quick when a record keeps failing.
        "referrals.kafka.retry.initial-interval=50ms",
        "referrals.kafka.retry.max-attempts=2",
        // Rate limits renewed every minute, so that the test of a limit does not race the period.
        "referrals.api.rate-limit.period=1m"})
@LocalStackContext
public @interface ApiTestContext {
}
