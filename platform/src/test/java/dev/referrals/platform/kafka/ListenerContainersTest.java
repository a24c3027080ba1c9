package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
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

    @Test
    void aListenersGroupIsItsIdUnderTheTopicPrefix() {
        contexts.withPropertyValues("referrals.kafka.topic-prefix=tenant-7.")
                .withBean(NamedListener.class)
                .run(context -> assertThat(context.getBean(KafkaListenerEndpointRegistry.class)
                        .getListenerContainer("referral-processor.jobs").getGroupId())
                        .isEqualTo("tenant-7.referral-processor.jobs"));
    }

    @Test
    void withoutAPrefixTheGroupIsTheListenersId() {
        contexts.withBean(NamedListener.class)
                .run(context -> assertThat(context.getBean(KafkaListenerEndpointRegistry.class)
                        .getListenerContainer("referral-processor.jobs").getGroupId())
                        .isEqualTo("referral-processor.jobs"));
    }

    @Test
    void aListenerThatNamesAnotherGroupIsRefusedAtStartUp() {
        contexts.withBean(ListenerWithItsOwnGroup.class)
                .run(context -> assertThat(context).hasFailed()
                        .getFailure()
                        .hasStackTraceContaining("Listener referral-processor.jobs names the group someone-elses-group"));
    }

    static class NamedListener {

        @KafkaListener(id = "referral-processor.jobs", topics = "jobs", autoStartup = "false")
        void on(String value) {
        }
    }

    static class ListenerWithItsOwnGroup {

        @KafkaListener(id = "referral-processor.jobs", groupId = "someone-elses-group", topics = "jobs",
                autoStartup = "false")
        void on(String value) {
        }
    }
}
