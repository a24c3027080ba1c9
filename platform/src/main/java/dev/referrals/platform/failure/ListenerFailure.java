package dev.referrals.platform.failure;

import dev.referrals.schemas.registry.SchemaRegistryException;
import dev.referrals.schemas.serde.AvroSerdeException;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.core.convert.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * What a listener's failure is, for the one choice the platform makes about every failed record of every service:
 * wait for a dependency without limit, dead-letter the record at once, or retry it a few times and then
 * dead-letter it. The whole cause chain is read, and a dependency that is down wins over everything else, because
 * an unreachable registry makes a good record look unreadable.
 *
 * @param kind       which of the three
 * @param dependency for {@link Kind#DEPENDENCY_DOWN}, which one ({@value #DATABASE}, {@value #KAFKA},
 *                   {@value #SCHEMA_REGISTRY}, or a service's own); otherwise {@code null}
 */
public record ListenerFailure(Kind kind, String dependency) {

    public static final String DATABASE = "database";
    public static final String KAFKA = "kafka";
    public static final String SCHEMA_REGISTRY = "schema-registry";

    public enum Kind {
        /** A dependency did not answer: the record is fine and waits, without limit, never for the DLT. */
        DEPENDENCY_DOWN,
        /** The record can never succeed (unreadable bytes, an unknown schema id the registry confirmed, a value
         * that does not convert): straight to the DLT with its reason. */
        UNREADABLE,
        /** Anything else: a few retries with back-off, then the DLT. A service may give such a failure a back-off
         * of its own (late facts). */
        OTHER
    }

    public ListenerFailure {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.DEPENDENCY_DOWN) != (dependency != null)) {
            throw new IllegalArgumentException("a dependency is named exactly when one is down");
        }
    }

    public static ListenerFailure classify(Throwable failure) {
        Optional<String> down = dependencyDown(failure);
        if (down.isPresent()) {
            return new ListenerFailure(Kind.DEPENDENCY_DOWN, down.get());
        }
        if (Causes.any(failure, ListenerFailure::isUnreadable)) {
            return new ListenerFailure(Kind.UNREADABLE, null);
        }
        return new ListenerFailure(Kind.OTHER, null);
    }

    public boolean isDependencyDown() {
        return kind == Kind.DEPENDENCY_DOWN;
    }

    private static Optional<String> dependencyDown(Throwable failure) {
        Optional<DependencyUnavailableException> declared = Causes.first(failure, DependencyUnavailableException.class);
        if (declared.isPresent()) {
            return Optional.of(declared.get().dependency());
        }
        if (Causes.any(failure, cause -> cause instanceof AvroSerdeException serde && serde.isTransient()
                || cause instanceof SchemaRegistryException registry && registry.isRetriable())) {
            return Optional.of(SCHEMA_REGISTRY);
        }
        if (DatabaseOutage.isTransient(failure)) {
            return Optional.of(DATABASE);
        }
        if (Causes.any(failure, RetriableException.class::isInstance)) {
            return Optional.of(KAFKA);
        }
        return Optional.empty();
    }

    private static boolean isUnreadable(Throwable cause) {
        return cause instanceof DeserializationException
                || cause instanceof AvroSerdeException
                || cause instanceof MessageConversionException
                || cause instanceof ConversionException
                || cause instanceof MethodArgumentResolutionException;
    }
}
