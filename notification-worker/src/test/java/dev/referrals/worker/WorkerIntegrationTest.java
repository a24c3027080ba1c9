package dev.referrals.worker;

import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.localstack.spring.LocalStackContext;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The worker on the shared local stack (real Kafka, registry, PostgreSQL and SMTP), with a short grace period for
 * late facts. Every test class with this annotation shares one Spring context, so one namespace and one database:
 * tests keep apart by unique ids and addresses ({@link TestEvents}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {
        "referrals.worker.late-facts.grace-period=" + WorkerIntegrationTest.GRACE_PERIOD,
        "referrals.worker.late-facts.retry-interval=200ms",
        "referrals.worker.links.base-url=" + WorkerIntegrationTest.BASE_URL,
        "referrals.worker.mail.from=Referrals <referrals@marketplace.example.test>",
        "referrals.worker.mail.message-id-domain=" + WorkerIntegrationTest.MESSAGE_ID_DOMAIN})
@LocalStackContext
@LocalStackTest
@Import(KafkaTestClient.class)
public @interface WorkerIntegrationTest {

    String GRACE_PERIOD = "3s";
    String BASE_URL = "https://marketplace.example.test/app";
    String MESSAGE_ID_DOMAIN = "referrals.example.test";
}
