package dev.referrals.localstack.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs against the shared local stack: real Kafka, PostgreSQL and SMTP. Test methods and constructors
 * may take a {@link dev.referrals.localstack.LocalStack}, or a fresh {@link dev.referrals.schemas.TopicNamespace} or
 * {@link dev.referrals.localstack.postgres.DatabaseCoordinates}, the {@link dev.referrals.localstack.mail.MailSink}, or
 * the {@link dev.referrals.localstack.auth.LocalAuthorizationServer}.
 *
 * <p>{@code @LocalStackTest(kafkaBrokers = 3)} gives the class a stack of its own, with a KRaft cluster of three
 * brokers, started before its first test and stopped after its last: for tests of replication and broker faults,
 * which must not stop the brokers every other test shares.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalStackExtension.class)
public @interface LocalStackTest {

    /** The number of brokers the shared stack has. */
    int SHARED_STACK_BROKERS = 1;

    /** 1 for the JVM's shared stack, or 3 for a stack of this class's own with a three-broker cluster. */
    int kafkaBrokers() default SHARED_STACK_BROKERS;
}
