package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.localstack.registry.RegistryCalls.Reply;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.referrals.localstack.registry.RegistryCalls.schemaBody;
import static dev.referrals.localstack.registry.TestSchemas.USER_V1;
import static dev.referrals.localstack.registry.TestSchemas.parsed;
import static org.assertj.core.api.Assertions.assertThat;

/** The registry topic is what Confluent's would be: compacted, one partition, Confluent's record shapes. */
@LocalStackTest
class KafkaRegistryLogTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void theRegistryCreatesACompactedSinglePartitionTopicHoldingConfluentRecords(LocalStack stack) throws Exception {
        String bootstrapServers = stack.kafkaBootstrapServers();
        String topic = "_schemas-log-" + UUID.randomUUID();
        try (SchemaRegistryServer server = SchemaRegistryServer.start(
                SchemaRegistrySettings.forBootstrapServers(bootstrapServers).withTopic(topic))) {
            RegistryCalls calls = new RegistryCalls(server.url());
            Reply registered = calls.post("/subjects/users-value/versions", schemaBody(USER_V1));
            calls.put("/config/users-value", "{\"compatibility\":\"FULL\"}");
            calls.delete("/subjects/users-value");
            calls.delete("/subjects/users-value?permanent=true");
            int id = registered.json().get("id").asInt();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers))) {
                TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String policy = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                        .get("cleanup.policy").value();
                assertThat(description.partitions()).hasSize(1);
                assertThat(policy).isEqualTo("compact");
            }

            String schemaJson = new ObjectMapper()
                    .writeValueAsString(parsed(USER_V1).canonical());
            String schemaKey = "{\"keytype\":\"SCHEMA\",\"subject\":\"users-value\",\"version\":1,\"magic\":1}";
            String configKey = "{\"keytype\":\"CONFIG\",\"subject\":\"users-value\",\"magic\":0}";
            assertThat(readAll(bootstrapServers, topic)).containsExactly(
                    List.of(schemaKey, "{\"subject\":\"users-value\",\"version\":1,\"id\":" + id + ",\"schema\":"
                            + schemaJson + ",\"deleted\":false}"),
                    List.of(configKey, "{\"compatibilityLevel\":\"FULL\"}"),
                    List.of("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"users-value\",\"magic\":0}",
                            "{\"subject\":\"users-value\",\"version\":1}"),
                    List.of(schemaKey, "null"),
                    List.of(configKey, "null"));
        }
    }

    /** Every record of the topic as [key, value], a tombstone's value as "null". */
    private static List<List<String>> readAll(String bootstrapServers, String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<List<String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    records.add(List.of(record.key(), String.valueOf(record.value())));
                }
            }
        }
        return records;
    }
}
