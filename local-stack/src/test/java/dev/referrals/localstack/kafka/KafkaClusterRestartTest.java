package dev.referrals.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster of three on a persistent dir, as a developer's {@code .local/kafka-cluster}: it starts again as it was. */
class KafkaClusterRestartTest {

    private static final String TOPIC = "cluster-restart-check";
    private static final short THREE_REPLICAS = 3;

    @TempDir
    Path dir;

    @Test
    void restartedOnTheSamePersistentDirsKeepsItsClusterIdTopicsAndRecords() throws Exception {
        KafkaBrokerSettings settings = new KafkaBrokerSettings(KafkaBrokerSettings.LOCALHOST, 3,
                LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT, Optional.of(dir.resolve("kafka-cluster")));
        String clusterId;
        try (KafkaCluster cluster = KafkaCluster.start(settings); Admin admin = admin(cluster)) {
            clusterId = admin.describeCluster().clusterId().get();
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, THREE_REPLICAS))).all().get();
            try (KafkaProducer<String, String> producer = KafkaClients.producer(cluster.bootstrapServers())) {
                producer.send(new ProducerRecord<>(TOPIC, "job-1", "before restart")).get();
            }
        }
        assertThat(dir.resolve("kafka-cluster")).isDirectoryContaining(path -> path.endsWith("node-3"));

        try (KafkaCluster restarted = KafkaCluster.start(settings); Admin admin = admin(restarted)) {
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            assertThat(KafkaClients.consume(restarted.bootstrapServers(), TOPIC, 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before restart");
        }
    }

    @Test
    void portsThatCollideAcrossBrokersFailWithOneLineBeforeAnyBrokerStarts() {
        KafkaBrokerSettings collide = new KafkaBrokerSettings(KafkaBrokerSettings.LOCALHOST, 3, 19092, 19094,
                Optional.of(dir));

        assertThatThrownBy(() -> KafkaCluster.start(collide))
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("Kafka brokers 1 and 2 would both listen on localhost:19094 (broker n takes the Kafka and"
                        + " controller ports plus 2(n - 1)); set REFERRALS_LOCAL_KAFKA_CONTROLLER_PORT or"
                        + " -Dreferrals.local.kafka-controller-port to the Kafka port plus 1");
    }

    private static Admin admin(KafkaCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }
}
