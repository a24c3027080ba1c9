package dev.referrals.localstack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a developer sees when the stack cannot start: one line, naming what failed and the setting to change. */
class LocalStackStartupTest {

    @TempDir
    Path dir;

    @Test
    void busyKafkaPortFailsWithOneLineAndStopsWhatHadStarted() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(LocalStackSettings.DEFAULT_HOST, LocalPorts.ANY_FREE_PORT));
            int busyPort = squatter.getLocalPort();

            assertThatThrownBy(() -> LocalStack.start(LocalStackSettings.forTests().withKafkaPort(busyPort)))
                    .isInstanceOf(LocalStackStartupException.class)
                    .hasMessage("Kafka broker cannot listen on localhost:" + busyPort + " (port in use); set "
                            + "REFERRALS_LOCAL_KAFKA_PORT or -Dreferrals.local.kafka-port to a free port");
        }
    }

    @Test
    void unusableDataDirFailsWithOneLineBeforeAnythingStarts() throws Exception {
        Path fileInTheWay = Files.writeString(dir.resolve("state"), "not a directory");

        assertThatThrownBy(() -> LocalStack.start(LocalStackSettings.forTests().withDataDir(fileInTheWay)))
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("Local stack cannot use directory " + fileInTheWay + " (a file is in the way); set "
                        + "REFERRALS_LOCAL_DATA_DIR or -Dreferrals.local.data-dir to a writable directory");
    }
}
