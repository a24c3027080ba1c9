package dev.referrals.localstack.kafka;

import dev.referrals.localstack.LocalStackStartupException;

/**
 * Checks that Testcontainers is on the classpath before touching it, so that a module without the optional
 * dependency gets a one-line message instead of a {@link NoClassDefFoundError}.
 */
final class ContainerKafkaLauncher {

    private static final String PROBE_CLASS = "org.testcontainers.kafka.KafkaContainer";

    private ContainerKafkaLauncher() {
    }

    static RunningKafka start() {
        try {
            Class.forName(PROBE_CLASS, false, ContainerKafkaLauncher.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new LocalStackStartupException("Testcontainers Kafka was chosen with " + KafkaBackend.SYSTEM_PROPERTY
                    + "=" + KafkaBackend.TESTCONTAINERS.switchValue() + " but org.testcontainers:testcontainers-kafka"
                    + " is not on the classpath; add it as a test dependency or unset " + KafkaBackend.ENVIRONMENT_VARIABLE
                    + " / -D" + KafkaBackend.SYSTEM_PROPERTY, e);
        }
        return ContainerKafka.start();
    }
}
