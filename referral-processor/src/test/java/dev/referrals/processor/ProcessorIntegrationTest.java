package dev.referrals.processor;

import dev.referrals.localstack.spring.LocalStackContext;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The processor on the shared local stack (real broker, registry and PostgreSQL), with a short late-facts grace
 * period, quick bounded retries and quick waits for a dependency that is down. Every integration test that uses it shares one Spring context, so one start-up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "referrals.processor.late-facts.grace-period=" + ProcessorIntegrationTest.GRACE_PERIOD,
        "referrals.processor.late-facts.retry-interval=200ms",
        "referrals.processor.late-facts.clock-skew-allowance=1s",
        "referrals.kafka.retry.initial-interval=50ms",
        "referrals.kafka.retry.max-attempts=2",
        "referrals.processor.sweeper.interval=500ms",
        "referrals.processor.sweeper.min-age=" + ProcessorIntegrationTest.SWEEPER_MIN_AGE,
        "referrals.kafka.outage.initial-interval=100ms",
        "referrals.kafka.outage.max-interval=500ms",
        // A statement waits this long for a connection while the database is closed (DatabaseOutageIT).
        "spring.datasource.hikari.connection-timeout=1000",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN"})
@LocalStackContext
@Import(ProcessorTestConfiguration.class)
public @interface ProcessorIntegrationTest {

    /** Long enough that no listener of these tests is still publishing a decision the sweeper picks. */
    String SWEEPER_MIN_AGE = "20s";

    /** Short, so a test can watch it run out. */
    String GRACE_PERIOD = "4s";
}
