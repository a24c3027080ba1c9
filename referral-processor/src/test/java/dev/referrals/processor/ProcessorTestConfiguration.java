package dev.referrals.processor;

import dev.referrals.processor.decision.GatedSnapshotSource;
import dev.referrals.processor.decision.SnapshotSource;
import dev.referrals.schemas.TopicNamespace;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/** What the integration tests drive the processor with, and watch it through. */
@TestConfiguration(proxyBeanMethods = false)
class ProcessorTestConfiguration {

    @Bean(destroyMethod = "close")
    PublishedEvents publishedEvents(TopicNamespace topicNamespace,
                                    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
                                    @Value("${spring.kafka.properties.schema.registry.url}") String registryUrl) {
        return new PublishedEvents(topicNamespace, bootstrapServers, registryUrl);
    }

    @Bean
    Marketplace marketplace(KafkaTemplate<String, Object> kafka, TopicNamespace topicNamespace, JdbcClient jdbc) {
        return new Marketplace(kafka, topicNamespace, jdbc);
    }

    /** The real ledger reads, with a gate a test can close to make two decisions read the same state (I1). */
    @Bean
    @Primary
    GatedSnapshotSource gatedSnapshotSource(@Qualifier("jdbcSnapshotSource") SnapshotSource ledger) {
        return new GatedSnapshotSource(ledger);
    }
}
