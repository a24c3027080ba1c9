package dev.referrals.localstack.registry;

import dev.referrals.localstack.LocalStack;
import dev.referrals.localstack.junit.LocalStackTest;
import dev.referrals.localstack.kafka.KafkaCluster;
import dev.referrals.localstack.kafka.KafkaBrokerSettings;
import dev.referrals.localstack.registry.RegistryCalls.Reply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import static dev.referrals.localstack.registry.RegistryCalls.schemaBody;
import static dev.referrals.localstack.registry.TestSchemas.USER_V1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Start-up failures say in one line what failed and what to change; a broker lost later answers 50001. */
@LocalStackTest
class SchemaRegistryStartupTest {

    private static final Duration SHORT_KAFKA_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void aBusyPortFailsNamingThePortAndTheSetting(LocalStack stack) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> SchemaRegistryServer.start(settings(stack.kafkaBootstrapServers()).withPort(port)))
                    .isInstanceOf(RegistryStartupException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("port setting")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void anUnreachableBrokerFailsNamingTheBootstrapServersAndFreesThePort() throws IOException {
        int port = freePort();
        String nobody = "127.0.0.1:" + freePort();

        assertThatThrownBy(() -> SchemaRegistryServer.start(settings(nobody).withPort(port)
                .withKafkaTimeout(SHORT_KAFKA_TIMEOUT)))
                .isInstanceOf(RegistryStartupException.class)
                .hasMessageContaining("cannot reach Kafka at " + nobody)
                .hasMessageContaining("start the broker")
                .hasMessageNotContaining("\n");
        assertThatCode(() -> new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1")).close())
                .doesNotThrowAnyException();
    }

    @Test
    void aBrokerLostAfterStartUpMakesWritesAnswer50001() {
        try (KafkaCluster broker = KafkaCluster.start(KafkaBrokerSettings.temporary());
             SchemaRegistryServer server = SchemaRegistryServer.start(settings(broker.bootstrapServers())
                     .withKafkaTimeout(SHORT_KAFKA_TIMEOUT))) {
            RegistryCalls calls = new RegistryCalls(server.url());
            broker.close();

            Reply reply = calls.post("/subjects/users-value/versions", schemaBody(USER_V1));

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.errorCode()).isEqualTo(50001);
            assertThat(reply.json().get("message").asText()).contains(broker.bootstrapServers());
            assertThat(calls.get("/subjects").status()).as("reads still answer from memory").isEqualTo(200);
        }
    }

    private static SchemaRegistrySettings settings(String bootstrapServers) {
        return SchemaRegistrySettings.forBootstrapServers(bootstrapServers)
                .withTopic("_schemas-startup-" + UUID.randomUUID());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
