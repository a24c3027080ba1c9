package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/** Every listener container Boot's factory builds for a service carries the platform's container settings. */
class ListenerContainersTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaPlatformAutoConfiguration.class,
                    KafkaAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("referrals.startup-checks.schema-registry=false", "referrals.kafka.create-topics=false");

    @Test
    void everyListenerContainerCommitsPastTransactionMarkersAndLeavesMetricsToObservations() {
        contexts.run(context -> {
            AbstractMessageListenerContainer<?, ?> container = context
                    .getBean("kafkaListenerContainerFactory", ConcurrentKafkaListenerContainerFactory.class)
                    .createContainer("any-topic");

            assertThat(container.getContainerProperties().isFixTxOffsets()).isTrue();
            assertThat(container.getContainerProperties().isMicrometerEnabled()).isFalse();
        });
    }
}
