package dev.referrals.schemas.serde;

import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that could not be serialized or deserialized, with a machine-readable {@link Reason}.
 *
 * <p>The message starts with the reason's name and a colon, for example {@code UNKNOWN_SCHEMA_ID: ...}, so the
 * reason survives into the {@code kafka_dlt-exception-message} header that Spring Kafka's dead-letter recoverer
 * writes, and dashboards can group dead letters by it. The message also names the topic and, once known, the
 * schema id; Kafka's consumer and Spring's ErrorHandlingDeserializer add partition and offset.
 */
public class AvroSerdeException extends SerializationException {

    /** Why a record could not be converted. */
    public enum Reason {
        /** The bytes are not a Confluent frame: too short, or the first byte is not the magic byte 0. */
        MALFORMED_FRAME(false),
        /** The frame names a schema id the registry does not know (40403). */
        UNKNOWN_SCHEMA_ID(false),
        /** The Avro body does not decode with the writer schema the frame names. */
        UNDECODABLE_BODY(false),
        /** The reader schema cannot resolve data of the writer schema. */
        INCOMPATIBLE_READER_SCHEMA(false),
        /** {@code specific.avro.reader=true}, but no generated class of the schema's name is on the classpath. */
        NO_SPECIFIC_CLASS(false),
        /** {@code auto.register.schemas=false} (or {@code use.latest.version=true}) and the subject lacks the schema. */
        SCHEMA_NOT_REGISTERED(false),
        /** The registry refused to register the schema under its compatibility level (409). */
        INCOMPATIBLE_SCHEMA(false),
        /** The object given to the serializer is not an Avro record. */
        UNSUPPORTED_TYPE(false),
        /** The record does not match its own schema, for example a required field is null. */
        UNENCODABLE_RECORD(false),
        /** The registry did not answer, or answered 5xx, after the client's retries. The record may be fine. */
        REGISTRY_UNAVAILABLE(true),
        /** Any other error answer of the registry. */
        REGISTRY_ERROR(false);

        private final boolean transientFailure;

        Reason(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether the same record may convert fine later, so dead-lettering it would be premature. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    /** The separator between the reason and the rest of the message. */
    public static final String REASON_SEPARATOR = ": ";

    private final Reason reason;
    private final String topic;
    private final Integer schemaId;

    public AvroSerdeException(Reason reason, String topic, Integer schemaId, String detail, Throwable cause) {
        super(message(reason, topic, schemaId, detail), cause);
        this.reason = reason;
        this.topic = topic;
        this.schemaId = schemaId;
    }

    public Reason reason() {
        return reason;
    }

    public String topic() {
        return topic;
    }

    /** The schema id of the frame or of the write, when it was known at the time of the failure. */
    public OptionalInt schemaId() {
        return schemaId == null ? OptionalInt.empty() : OptionalInt.of(schemaId);
    }

    /** Whether retrying later may succeed; see {@link Reason#isTransient()}. */
    public boolean isTransient() {
        return reason.isTransient();
    }

    private static String message(Reason reason, String topic, Integer schemaId, String detail) {
        StringBuilder message = new StringBuilder(reason.name()).append(REASON_SEPARATOR)
                .append("topic '").append(topic).append('\'');
        if (schemaId != null) {
            message.append(", schema id ").append(schemaId);
        }
        return message.append(": ").append(detail).toString();
    }
}
