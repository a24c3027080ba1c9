package dev.referrals.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class LateFactsBackOffTest {

    private static final LateFactsPendingException PENDING =
            new LateFactsPendingException("request-1", 0, "job job-1", Instant.parse("2026-03-01T10:00:30Z"));

    @Test
    void aWaitingRequestIsRecognisedHoweverTheContainerWrapsIt() {
        Exception asTheErrorHandlerSeesIt = new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException(PENDING.getMessage(), PENDING, 0));

        assertThat(LateFactsBackOff.isLateFacts(asTheErrorHandlerSeesIt)).isTrue();
    }

    @Test
    void anyOtherFailureKeepsThePlatformsBackOff() {
        assertThat(LateFactsBackOff.isLateFacts(new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("database down")))).isFalse();
    }
}
