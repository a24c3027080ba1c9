package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.spring.LocalStackContext;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * On the local stack's single broker the topics a service creates get one replica and
 * {@code min.insync.replicas=1}, read back from the broker, and start-up says in one warning that production needs
 * three brokers. The topic prefix is one no one created, so the service creates every topic itself.
 */
@SpringBootTest(properties = "referrals.kafka.topic-prefix=replication-it-${random.uuid}.")
@LocalStackContext
@ExtendWith(OutputCaptureExtension.class)
class TopicReplicationIT {

    @Autowired
    private TopicNamespace namespace;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @Test
    void aSingleBrokerGetsOneReplicaPerPartitionOneInSyncAndAWarning(CapturedOutput startUp) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<String> names = Topics.ALL.stream()
                    .flatMap(topic -> java.util.stream.Stream.of(namespace.name(topic), namespace.deadLetterTopic(topic)))
                    .toList();
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();

            assertThat(topics).hasSize(names.size());
            topics.values().forEach(topic -> topic.partitions().forEach(partition ->
                    assertThat(partition.replicas()).as(topic.name()).hasSize(1)));
            configs.values().forEach(config ->
                    assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1"));
        }
        assertThat(startUp.getAll()).contains("The Kafka cluster has 1 broker(s)")
                .contains("Production needs at least 3 brokers");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
    }
}
