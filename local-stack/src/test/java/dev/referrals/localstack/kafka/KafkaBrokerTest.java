package dev.referrals.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.localstack.LocalPorts;
import dev.referrals.localstack.LocalStackStartupException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker on its own, with its own log dir: what the shared stack cannot show, restarts and start-up failures. */
class KafkaBrokerTest {

    private static final String TOPIC = "restart-check";

    @TempDir
    Path dir;

    @Test
    void restartedOnTheSamePersistentDirKeepsItsTopicsAndRecords() throws Exception {
        Path logDir = dir.resolve("kafka");
        try (KafkaCluster broker = KafkaCluster.start(persistent(logDir))) {
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = KafkaClients.producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>(TOPIC, "job-1", "before restart")).get();
            }
        }

        // New ports too: the quorum is static, so a persistent dir does not pin the controller's port.
        try (KafkaCluster restarted = KafkaCluster.start(persistent(logDir))) {
            try (Admin admin = admin(restarted)) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC);
            }
            assertThat(KafkaClients.consume(restarted.bootstrapServers(), TOPIC, 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before restart");
        }
    }

    @Test
    void temporaryLogDirIsDeletedOnClose() {
        Path logDir;
        try (KafkaCluster broker = KafkaCluster.start(KafkaBrokerSettings.temporary())) {
            logDir = broker.logDir();
            assertThat(logDir).isDirectory();
        }
        assertThat(logDir).doesNotExist();
    }

    @Test
    void busyPortFailsWithOneLineNamingThePortAndTheSetting() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(KafkaBrokerSettings.LOCALHOST, LocalPorts.ANY_FREE_PORT));
            int busyPort = squatter.getLocalPort();

            assertThatThrownBy(() -> KafkaCluster.start(
                    KafkaBrokerSettings.persistent(dir.resolve("kafka"), busyPort, LocalPorts.ANY_FREE_PORT)))
                    .isInstanceOf(LocalStackStartupException.class)
                    .hasMessage("Kafka broker cannot listen on localhost:" + busyPort + " (port in use); set "
                            + "REFERRALS_LOCAL_KAFKA_PORT or -Dreferrals.local.kafka-port to a free port");
        }
    }

    @Test
    void unusableLogDirFailsWithOneLineNamingTheDirAndTheSetting() throws Exception {
        Path fileInTheWay = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> KafkaCluster.start(persistent(fileInTheWay)))
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("Kafka broker cannot use directory " + fileInTheWay + " (a file is in the way); set "
                        + "REFERRALS_LOCAL_DATA_DIR or -Dreferrals.local.data-dir to a writable directory");
    }

    private static KafkaBrokerSettings persistent(Path logDir) {
        return KafkaBrokerSettings.persistent(logDir, LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT);
    }

    private static Admin admin(KafkaCluster broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
