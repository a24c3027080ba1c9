package dev.referrals.schemas.serde;

import dev.referrals.schemas.registry.RegistryErrorCode;
import dev.referrals.schemas.registry.SchemaRegistryException;

/** Classifies a failed registry call into the serde failure a producer or consumer should see. */
final class RegistryFailures {

    private RegistryFailures() {
    }

    /** For a failure while fetching the writer schema of a frame. */
    static AvroSerdeException fetchingWriterSchema(String topic, int schemaId, SchemaRegistryException failure) {
        if (failure.errorCode() == RegistryErrorCode.SCHEMA_NOT_FOUND) {
            return new AvroSerdeException(AvroSerdeException.Reason.UNKNOWN_SCHEMA_ID, topic, schemaId,
                    "the registry has no schema with this id (" + failure.getMessage() + ")", failure);
        }
        return other(topic, schemaId, "cannot fetch the writer schema", failure);
    }

    /** For a failure while finding the id to write a schema with. */
    static AvroSerdeException findingWriteId(String topic, String subject, String schemaName, boolean registering,
            SchemaRegistryException failure) {
        int code = failure.errorCode();
        if (code == RegistryErrorCode.SUBJECT_NOT_FOUND || code == RegistryErrorCode.SCHEMA_NOT_FOUND
                || code == RegistryErrorCode.VERSION_NOT_FOUND) {
            return new AvroSerdeException(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED, topic, null,
                    "schema " + schemaName + " is not registered under subject '" + subject + "' and "
                            + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + " is off; register it before producing ("
                            + failure.getMessage() + ")", failure);
        }
        if (registering && code == RegistryErrorCode.INCOMPATIBLE_SCHEMA) {
            return new AvroSerdeException(AvroSerdeException.Reason.INCOMPATIBLE_SCHEMA, topic, null,
                    "the registry refused schema " + schemaName + " under subject '" + subject + "' ("
                            + failure.getMessage() + ")", failure);
        }
        return other(topic, null, "cannot find the id of schema " + schemaName + " under subject '" + subject + "'",
                failure);
    }

    /** For a failure while reading the newest version of a subject. */
    static AvroSerdeException fetchingLatest(String topic, Integer schemaId, String subject,
            SchemaRegistryException failure) {
        if (failure.errorCode() == RegistryErrorCode.SUBJECT_NOT_FOUND) {
            return new AvroSerdeException(AvroSerdeException.Reason.SCHEMA_NOT_REGISTERED, topic, schemaId,
                    AvroSerdeConfig.USE_LATEST_VERSION + " is on but subject '" + subject + "' has no version ("
                            + failure.getMessage() + ")", failure);
        }
        return other(topic, schemaId, "cannot fetch the newest version of subject '" + subject + "'", failure);
    }

    private static AvroSerdeException other(String topic, Integer schemaId, String what,
            SchemaRegistryException failure) {
        AvroSerdeException.Reason reason = failure.isRetriable() ? AvroSerdeException.Reason.REGISTRY_UNAVAILABLE
                : AvroSerdeException.Reason.REGISTRY_ERROR;
        return new AvroSerdeException(reason, topic, schemaId, what + ": HTTP " + failure.status() + ", "
                + failure.getMessage(), failure);
    }
}
