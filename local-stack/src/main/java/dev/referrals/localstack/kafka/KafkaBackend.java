package dev.referrals.localstack.kafka;

import dev.referrals.localstack.LocalStackStartupException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which Kafka the test stack runs. The in-JVM broker is the default and what CI uses, since no Docker engine runs
 * there; Testcontainers is for a machine with Docker where someone wants the broker in its official image.
 */
public enum KafkaBackend {

    /** {@link KafkaCluster}: the Kafka server jars inside this JVM, one broker or three. */
    IN_JVM("in-jvm"),

    /**
     * Testcontainers' {@code KafkaContainer} running the official {@code apache/kafka} image; needs Docker. One broker
     * only: asking it for three fails with one line.
     */
    TESTCONTAINERS("testcontainers");

    public static final String SYSTEM_PROPERTY = "referrals.test.kafka";
    public static final String ENVIRONMENT_VARIABLE = "REFERRALS_TEST_KAFKA";

    private final String switchValue;

    KafkaBackend(String switchValue) {
        this.switchValue = switchValue;
    }

    public String switchValue() {
        return switchValue;
    }

    /** The backend chosen by {@value #SYSTEM_PROPERTY} or {@value #ENVIRONMENT_VARIABLE}; in-JVM if neither is set. */
    public static KafkaBackend fromEnvironment() {
        return parse(Optional.ofNullable(System.getProperty(SYSTEM_PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE)))
                .filter(value -> !value.isBlank())
                .orElse(IN_JVM.switchValue));
    }

    static KafkaBackend parse(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(backend -> backend.switchValue.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new LocalStackStartupException("Unknown Kafka backend '" + value + "' in "
                        + ENVIRONMENT_VARIABLE + " or -D" + SYSTEM_PROPERTY + "; use one of "
                        + Arrays.stream(values()).map(KafkaBackend::switchValue).collect(Collectors.joining(", "))));
    }

    /**
     * Starts this backend. Of the in-JVM settings a container takes only the number of brokers, which must be one: it
     * picks its own port.
     */
    public RunningKafka start(KafkaBrokerSettings inJvmSettings) {
        if (this == IN_JVM) {
            return KafkaCluster.start(inJvmSettings);
        }
        if (inJvmSettings.brokers() != KafkaBrokerSettings.SINGLE_BROKER) {
            throw new LocalStackStartupException("Testcontainers Kafka runs one broker, not " + inJvmSettings.brokers()
                    + "; unset " + ENVIRONMENT_VARIABLE + " / -D" + SYSTEM_PROPERTY + " to use the in-JVM cluster");
        }
        // Only this branch touches Testcontainers, so the default never loads its classes or looks for Docker.
        return ContainerKafkaLauncher.start();
    }
}
