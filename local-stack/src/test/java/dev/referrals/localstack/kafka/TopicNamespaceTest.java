package dev.referrals.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

@LocalStackTest
class TopicNamespaceTest {

    @Test
    void twoNamespacesGetDifferentTopics(LocalStack stack) throws Exception {
        TopicNamespace first = stack.newTopicNamespace();
        TopicNamespace second = stack.newTopicNamespace();

        assertThat(first.prefix()).isNotEqualTo(second.prefix());
        assertThat(first.name(Topics.ACCOUNTS)).isNotEqualTo(second.name(Topics.ACCOUNTS));
        try (KafkaProducer<String, String> producer = KafkaClients.producer(stack.kafkaBootstrapServers())) {
            producer.send(new ProducerRecord<>(first.name(Topics.ACCOUNTS), "account-1", "first")).get();
            producer.send(new ProducerRecord<>(second.name(Topics.ACCOUNTS), "account-1", "second")).get();
        }
        assertThat(KafkaClients.consume(stack.kafkaBootstrapServers(), second.name(Topics.ACCOUNTS), 1))
                .extracting(ConsumerRecord::value).containsExactly("second");
    }

    @Test
    void namespaceHoldsEveryCatalogueTopicAndItsDeadLetterTopicWithItsRetentionAsCatalogued(LocalStack stack, TopicNamespace namespace)
            throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Set<String> expected = Topics.ALL.stream()
                    .flatMap(topic -> Set.of(namespace.name(topic), namespace.deadLetterTopic(topic)).stream())
                    .collect(Collectors.toSet());
            Set<String> inNamespace = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(namespace.prefix()))
                    .collect(Collectors.toSet());
            assertThat(inNamespace).isEqualTo(expected);

            Map<String, TopicDescription> descriptions = admin.describeTopics(expected).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(expected.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
            for (Topic<String, ?> topic : Topics.ALL) {
                assertThat(descriptions.get(namespace.name(topic)).partitions()).hasSize(topic.partitions());
                assertThat(descriptions.get(namespace.deadLetterTopic(topic)).partitions())
                        .hasSize(topic.partitions());
                assertThat(cleanupPolicy(configs, namespace.name(topic)))
                        .isEqualTo(topic.cleanupPolicy().configValue());
                assertThat(cleanupPolicy(configs, namespace.deadLetterTopic(topic)))
                        .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
                assertThat(config(configs, namespace.deadLetterTopic(topic), TopicConfig.RETENTION_MS_CONFIG))
                        .isEqualTo(String.valueOf(stack.settings().deadLetterRetention().toMillis()));
            }
        }
    }

    private static String cleanupPolicy(Map<ConfigResource, Config> configs, String topic) {
        return config(configs, topic, TopicConfig.CLEANUP_POLICY_CONFIG);
    }

    private static String config(Map<ConfigResource, Config> configs, String topic, String name) {
        return configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).get(name).value();
    }
}
