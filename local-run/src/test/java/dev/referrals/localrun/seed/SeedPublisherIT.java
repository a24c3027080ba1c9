package dev.referrals.localrun.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroDeserializer;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@LocalStackTest
class SeedPublisherIT {

    @Test
    void theDemoSeedLandsOnTheMarketplaceTopicsInOneTransactionAndReloadingRepeatsTheSameEventIds(
            LocalStack stack, TopicNamespace namespace) throws IOException {
        Seed seed;
        try (InputStream demo = SeedPublisherIT.class.getResourceAsStream("/seed/demo.yml")) {
            seed = SeedParser.parse("demo.yml", new String(demo.readAllBytes(), StandardCharsets.UTF_8));
        }
        SeedPublisher publisher = new SeedPublisher(stack.kafkaBootstrapServers(),
                stack.schemaRegistryUrl().orElseThrow(), namespace, Clock.systemUTC());

        int published = publisher.publish(seed);
        publisher.publish(seed);

        assertThat(published).isEqualTo(8 + 4 + 6);
        assertThat(read(stack, namespace, Topics.ACCOUNTS, 16)).hasSize(16);
        assertThat(read(stack, namespace, Topics.JOBS, 8)).hasSize(8);
        List<ConsumerRecord<String, Object>> activity = read(stack, namespace, Topics.JOB_ACTIVITY, 12);
        List<String> eventIds = activity.stream().map(record -> ((JobActivity) record.value()).getEventId()).toList();
        assertThat(eventIds).hasSize(12);
        assertThat(eventIds.stream().distinct()).as("the second load repeats the first one's event ids").hasSize(6);
    }

    private static List<ConsumerRecord<String, Object>> read(LocalStack stack, TopicNamespace namespace,
                                                             Topic<?, ?> topic, int expected) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        AvroDeserializer deserializer = new AvroDeserializer();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl().orElseThrow(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "seed-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), deserializer)) {
            consumer.subscribe(List.of(namespace.name(topic)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
