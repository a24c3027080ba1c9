package dev.referrals.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

    @Test
    void aStartThatLostAChosenPortToAnotherProcessStartsAgainOnNewPorts() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket squatter = squatter()) {
            int started = LocalPorts.retryLostPortRace(true, () -> {
                // The first attempt is handed the squatter's port, as if another process took it after the choice.
                int port = attempts.incrementAndGet() == 1 ? squatter.getLocalPort()
                        : LocalPorts.resolve(LocalPorts.ANY_FREE_PORT);
                LocalPorts.requireFree("Test server", "localhost", port, Setting.KAFKA_PORT);
                return port;
            });

            assertThat(attempts).hasValue(2);
            assertThat(started).isNotEqualTo(squatter.getLocalPort());
        }
    }

    @Test
    void aPortTheDeveloperSetIsNeverSwappedForAnother() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket squatter = squatter()) {
            int busy = squatter.getLocalPort();

            assertThatThrownBy(() -> LocalPorts.retryLostPortRace(false, () -> {
                attempts.incrementAndGet();
                LocalPorts.requireFree("Test server", "localhost", busy, Setting.KAFKA_PORT);
                return busy;
            })).isInstanceOf(PortInUseException.class)
                    .hasMessage("Test server cannot listen on localhost:" + busy + " (port in use); set "
                            + "REFERRALS_LOCAL_KAFKA_PORT or -Dreferrals.local.kafka-port to a free port");
            assertThat(attempts).hasValue(1);
        }
    }

    @Test
    void racesLostEveryTimeEndInTheBusyPortsMessage() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        try (ServerSocket squatter = squatter()) {
            assertThatThrownBy(() -> LocalPorts.retryLostPortRace(true, () -> {
                attempts.incrementAndGet();
                LocalPorts.requireFree("Test server", "localhost", squatter.getLocalPort(), Setting.KAFKA_PORT);
                return squatter.getLocalPort();
            })).isInstanceOf(PortInUseException.class);
            assertThat(attempts).hasValue(LocalPorts.PORT_RACE_ATTEMPTS);
        }
    }

    @Test
    void otherStartFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> LocalPorts.retryLostPortRace(true, () -> {
            attempts.incrementAndGet();
            throw new LocalStackStartupException("Test server failed to start");
        })).hasMessage("Test server failed to start");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aBindExceptionAnywhereInTheCauseChainIsABindFailure() {
        assertThat(LocalPorts.isBindFailure(new IllegalStateException("start failed",
                new RuntimeException("Socket server failed to bind", new BindException("Address already in use")))))
                .isTrue();
        assertThat(LocalPorts.isBindFailure(new IllegalStateException("timed out"))).isFalse();
    }

    private static ServerSocket squatter() throws IOException {
        ServerSocket squatter = new ServerSocket();
        squatter.bind(new InetSocketAddress("localhost", LocalPorts.ANY_FREE_PORT));
        return squatter;
    }
}
