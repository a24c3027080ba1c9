package dev.referrals.api.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

/** A record that fails because the database is down waits for it; any other failure keeps the platform's back-off. */
class DatabaseOutageBackOffTest {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("topic", 0, 0, "key", "value");

    private final DatabaseOutageBackOff backOff = new DatabaseOutageBackOff(Duration.ofSeconds(5));

    @Test
    void aRecordFailingForWantOfADatabaseConnectionIsRetriedAtTheIntervalWithoutEnd() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection",
                        new CannotGetJdbcConnectionException("connection refused")));

        BackOffExecution execution = backOff.apply(RECORD, failure).start();

        for (int attempt = 0; attempt < 1_000; attempt++) {
            assertThat(execution.nextBackOff()).isEqualTo(5_000);
        }
    }

    @Test
    void anyOtherFailureKeepsThePlatformBackOff() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("bad row"));

        assertThat(backOff.apply(RECORD, failure)).isNull();
    }
}
