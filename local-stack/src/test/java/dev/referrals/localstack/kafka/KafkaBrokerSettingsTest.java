package dev.referrals.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.localstack.LocalPorts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaBrokerSettingsTest {

    @Test
    void eachFurtherBrokerListensOnTheNextTwoPortsUp() {
        KafkaBrokerSettings cluster = new KafkaBrokerSettings("localhost", 3, 9092, 9093, Optional.empty());

        assertThat(List.of(cluster.port(1), cluster.port(2), cluster.port(3))).containsExactly(9092, 9094, 9096);
        assertThat(List.of(cluster.controllerPort(1), cluster.controllerPort(2), cluster.controllerPort(3)))
                .containsExactly(9093, 9095, 9097);
    }

    @Test
    void anyFreePortStaysAnyFreePortForEveryBroker() {
        KafkaBrokerSettings cluster = KafkaBrokerSettings.temporary().withBrokers(3);

        assertThat(cluster.port(3)).isEqualTo(LocalPorts.ANY_FREE_PORT);
        assertThat(cluster.controllerPort(3)).isEqualTo(LocalPorts.ANY_FREE_PORT);
    }

    @Test
    void aSingleBrokerKeepsItsLogInTheDirItselfAndEachOfThreeInItsOwnNodeDir() {
        Path dir = Path.of("/var/tmp/kafka");

        assertThat(KafkaBrokerSettings.nodeLogDir(dir, 1, 1)).isEqualTo(dir);
        assertThat(KafkaBrokerSettings.nodeLogDir(dir, 3, 2)).isEqualTo(dir.resolve("node-2"));
    }
}
