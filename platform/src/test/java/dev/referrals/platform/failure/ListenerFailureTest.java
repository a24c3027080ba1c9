package dev.referrals.platform.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.platform.failure.ListenerFailure.Kind;
import dev.referrals.schemas.registry.RegistryErrorCode;
import dev.referrals.schemas.registry.SchemaRegistryException;
import dev.referrals.schemas.serde.AvroSerdeException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

/** Each failure a listener meets, as the platform's error handler sees it: wrapped by the container. */
class ListenerFailureTest {

    @Test
    void aDatabaseThatCannotBeReachedIsADependencyDown() {
        Exception failure = asTheContainerWrapsIt(new DataAccessResourceFailureException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("pool timed out", new ConnectException("Connection refused"))));

        assertThat(ListenerFailure.classify(failure)).isEqualTo(down(ListenerFailure.DATABASE));
    }

    @Test
    void aBrokerThatDoesNotAnswerIsADependencyDown() {
        assertThat(ListenerFailure.classify(asTheContainerWrapsIt(new IllegalStateException("not published",
                new TimeoutException("Expiring 3 record(s)"))))).isEqualTo(down(ListenerFailure.KAFKA));
        assertThat(ListenerFailure.classify(asTheContainerWrapsIt(new NotEnoughReplicasException("1 of 2"))))
                .isEqualTo(down(ListenerFailure.KAFKA));
    }

    @Test
    void anUnreachableRegistryIsADependencyDownEvenThoughTheRecordLooksUnreadable() {
        SchemaRegistryException noAnswer = SchemaRegistryException.noResponse("Connection refused",
                new ConnectException("Connection refused"));
        AvroSerdeException serde = new AvroSerdeException(AvroSerdeException.Reason.REGISTRY_UNAVAILABLE,
                "referrals.referral-requested", 7, "cannot fetch the writer schema", noAnswer);
        Exception failure = asTheContainerWrapsIt(
                new DeserializationException("failed to deserialize", new byte[] {0, 0, 0, 0, 7}, false, serde));

        assertThat(ListenerFailure.classify(failure)).isEqualTo(down(ListenerFailure.SCHEMA_REGISTRY));
    }

    @Test
    void aServiceNamesADependencyOfItsOwn() {
        Exception failure = asTheContainerWrapsIt(new DependencyUnavailableException("smtp", "SMTP did not answer",
                new ConnectException("Connection refused")));

        assertThat(ListenerFailure.classify(failure)).isEqualTo(down("smtp"));
    }

    @Test
    void anUnknownSchemaIdConfirmedByTheRegistryIsUnreadable() {
        SchemaRegistryException notFound = new SchemaRegistryException("Schema 99 not found",
                SchemaRegistryException.HTTP_NOT_FOUND, RegistryErrorCode.SCHEMA_NOT_FOUND);
        AvroSerdeException serde = new AvroSerdeException(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID,
                "referrals.referral-requested", 99, "the registry has no schema with this id", notFound);

        assertThat(ListenerFailure.classify(asTheContainerWrapsIt(
                new DeserializationException("failed", new byte[] {0, 0, 0, 0, 99}, false, serde))).kind())
                .isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void badBytesAreUnreadable() {
        AvroSerdeException serde = new AvroSerdeException(AvroSerdeException.Reason.MALFORMED_FRAME,
                "marketplace.jobs", null, "first byte is not the magic byte 0", null);

        assertThat(ListenerFailure.classify(asTheContainerWrapsIt(
                new DeserializationException("failed", new byte[] {42}, false, serde))).kind())
                .isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void whatTheDatabaseOrTheBrokerRefusedIsNeitherDownNorUnreadable() {
        assertThat(ListenerFailure.classify(asTheContainerWrapsIt(new DuplicateKeyException("unique violated"))))
                .isEqualTo(new ListenerFailure(Kind.OTHER, null));
        assertThat(ListenerFailure.classify(asTheContainerWrapsIt(new RecordTooLargeException("too large"))))
                .isEqualTo(new ListenerFailure(Kind.OTHER, null));
        assertThat(ListenerFailure.classify(asTheContainerWrapsIt(new IllegalStateException("a bug"))))
                .isEqualTo(new ListenerFailure(Kind.OTHER, null));
    }

    /** A batch listener's failure, as the error handler receives it. */
    private static Exception asTheContainerWrapsIt(Exception failure) {
        return new ListenerExecutionFailedException("Listener failed",
                new BatchListenerFailedException(failure.getMessage(), failure, 0));
    }

    private static ListenerFailure down(String dependency) {
        return new ListenerFailure(Kind.DEPENDENCY_DOWN, dependency);
    }
}
