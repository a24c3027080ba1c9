package dev.referrals.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.schemas.serde.AvroSerdeException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

/** The back-off of each kind of failure, as the platform's one error handler gets it. */
class ListenerBackOffsTest {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("topic", 0, 0, "key", "value");
    private static final ReferralsKafkaProperties.Outage OUTAGE = new ReferralsKafkaProperties.Outage(
            Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));
    private static final BackOff LATE_FACTS = new FixedBackOff(1_000, 40);

    private final ListenerBackOffs backOffs = new ListenerBackOffs(OUTAGE, List.of(
            failure -> failure.getCause() instanceof LateFacts ? LATE_FACTS : null));

    /** What a service waits for on its own terms. */
    private static final class LateFacts extends RuntimeException {
    }

    @Test
    void aRecordFailingForWantOfTheDatabaseWaitsWithoutEndAtMostTheLongestInterval() {
        Exception failure = new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection",
                        new DataAccessResourceFailureException("connection refused")));

        BackOffExecution execution = backOffs.apply(RECORD, failure).start();

        assertThat(execution.nextBackOff()).isEqualTo(1_000);
        assertThat(execution.nextBackOff()).isEqualTo(2_000);
        for (int attempt = 0; attempt < 10_000; attempt++) {
            assertThat(execution.nextBackOff()).isBetween(4_000L, 30_000L);
        }
        assertThat(execution.nextBackOff()).isEqualTo(30_000);
    }

    @Test
    void anUnreadableRecordIsNotRetried() {
        Exception failure = new ListenerExecutionFailedException("listener failed", new DeserializationException(
                "bad", new byte[] {1}, false, new AvroSerdeException(AvroSerdeException.Reason.MALFORMED_FRAME,
                        "topic", null, "first byte is not 0", null)));

        assertThat(backOffs.apply(RECORD, failure).start().nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }

    @Test
    void anyOtherFailureGetsTheBackOffOfTheServiceThatClaimsItElseThePlatformsBoundedOne() {
        assertThat(backOffs.apply(RECORD, new ListenerExecutionFailedException("listener failed",
                new LateFacts()))).isSameAs(LATE_FACTS);
        assertThat(backOffs.apply(RECORD, new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("bad row")))).isNull();
    }
}
