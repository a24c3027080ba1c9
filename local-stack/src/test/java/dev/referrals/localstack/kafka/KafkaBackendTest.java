package dev.referrals.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.localstack.LocalStackStartupException;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Testcontainers switch: off by default, and a clear one-line answer when it cannot work. */
class KafkaBackendTest {

    @Test
    void inJvmBrokerIsTheDefault() {
        assertThat(KafkaBackend.parse("in-jvm")).isEqualTo(KafkaBackend.IN_JVM);
        assertThat(KafkaBackend.parse(" Testcontainers ")).isEqualTo(KafkaBackend.TESTCONTAINERS);
    }

    @Test
    void unknownBackendFailsWithOneLineListingTheChoices() {
        assertThatThrownBy(() -> KafkaBackend.parse("docker"))
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("Unknown Kafka backend 'docker' in REFERRALS_TEST_KAFKA or -Dreferrals.test.kafka; use one"
                        + " of in-jvm, testcontainers");
    }

    @Test
    void testcontainersWithoutADockerEngineFailsWithOneLine() {
        assertThatThrownBy(() -> KafkaBackend.TESTCONTAINERS.start(KafkaBrokerSettings.temporary()))
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("Testcontainers Kafka was chosen with referrals.test.kafka=testcontainers but no Docker"
                        + " engine is reachable; start Docker or unset REFERRALS_TEST_KAFKA / -Dreferrals.test.kafka"
                        + " to use the in-JVM broker");
    }

    @Test
    void testcontainersAskedForThreeBrokersFailsWithOneLineBeforeLookingForDocker() {
        assertThatThrownBy(() -> KafkaBackend.TESTCONTAINERS.start(KafkaBrokerSettings.temporary().withBrokers(3)))
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("Testcontainers Kafka runs one broker, not 3; unset REFERRALS_TEST_KAFKA /"
                        + " -Dreferrals.test.kafka to use the in-JVM cluster");
    }

    /**
     * Runs the stack's classes in a class loader that has no Testcontainers jar: choosing the default must link, and
     * choosing Testcontainers must say which dependency is missing instead of throwing NoClassDefFoundError.
     */
    @Test
    void defaultPathNeedsNoTestcontainersClasses() throws Exception {
        try (URLClassLoader withoutTestcontainers = new URLClassLoader(classpathWithout("testcontainers", "docker-java"),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> settings = Class.forName("dev.referrals.localstack.LocalStackSettings", true, withoutTestcontainers);
            Class.forName("dev.referrals.localstack.LocalStack", true, withoutTestcontainers);
            Object testSettings = settings.getMethod("forTests").invoke(null);
            assertThat(settings.getMethod("kafkaBackend").invoke(testSettings)).hasToString("IN_JVM");

            Class<?> backend = Class.forName(KafkaBackend.class.getName(), true, withoutTestcontainers);
            Class<?> brokerSettings = Class.forName(KafkaBrokerSettings.class.getName(), true, withoutTestcontainers);
            Object testcontainers = backend.getField("TESTCONTAINERS").get(null);
            Object anySettings = brokerSettings.getMethod("temporary").invoke(null);

            assertThatThrownBy(() -> invoke(backend, testcontainers, brokerSettings, anySettings))
                    .hasMessageContaining("org.testcontainers:testcontainers-kafka is not on the classpath")
                    .matches(failure -> !failure.getMessage().contains("\n"));
        }
    }

    private static void invoke(Class<?> backend, Object target, Class<?> parameter, Object argument) throws Throwable {
        try {
            backend.getMethod("start", parameter).invoke(target, argument);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Surefire may hide the real class path behind a manifest-only jar; it publishes the real one separately. */
    private static URL[] classpathWithout(String... excluded) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> Arrays.stream(excluded).noneMatch(entry::contains))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalArgumentException(entry, e);
                    }
                })
                .toArray(URL[]::new);
    }
}
