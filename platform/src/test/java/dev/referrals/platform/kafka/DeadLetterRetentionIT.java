package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The dead-letter topics a service creates at start-up get {@code referrals.kafka.dead-letter-retention} as their
 * {@code retention.ms}, read back from the broker. The topic prefix is one no one created, so the service creates
 * every topic itself.
 */
@SpringBootTest(properties = {
        "referrals.kafka.topic-prefix=retention-it-${random.uuid}.",
        "referrals.kafka.dead-letter-retention=3d"})
@LocalStackContext
class DeadLetterRetentionIT {

    private static final Duration CONFIGURED_RETENTION = Duration.ofDays(3);

    @Autowired
    private TopicNamespace namespace;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void everyDeadLetterTopicTheServiceCreatesHasTheConfiguredRetentionAndIsNeverCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<ConfigResource> deadLetterTopics = Topics.ALL.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, namespace.deadLetterTopic(topic)))
                    .toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(deadLetterTopics).all().get();

            assertThat(configs).hasSize(Topics.ALL.size());
            for (Config config : configs.values()) {
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
                        .isEqualTo(String.valueOf(CONFIGURED_RETENTION.toMillis()));
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            }
            Config source = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    namespace.name(Topics.REFERRAL_CREATED)))).all().get().values().iterator().next();
            assertThat(source.get(TopicConfig.RETENTION_MS_CONFIG).isDefault()).as("a source topic keeps the broker's")
                    .isTrue();
        }
    }

    @Test
    void withoutAConfiguredRetentionDeadLettersAreKeptTwoWeeks() {
        assertThat(new ReferralsKafkaProperties("", true, null, null, null, null).deadLetterRetention())
                .isEqualTo(Topic.DEFAULT_DEAD_LETTER_RETENTION).isEqualTo(Duration.ofDays(14));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
    }
}
