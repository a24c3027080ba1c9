package dev.referrals.localstack.registry;

import dev.referrals.schemas.registry.CompatibilityLevel;

/**
 * The facts the registry log holds. Each maps to one record of Confluent's {@code _schemas} topic, so replaying
 * the log rebuilds the registry and the topic reads like one Confluent Schema Registry wrote.
 */
public sealed interface RegistryRecord {

    /** A version was registered, or re-written with {@code deleted=true} by a soft delete. Key type SCHEMA. */
    record VersionWritten(StoredVersion version) implements RegistryRecord {
    }

    /** A version was permanently deleted: a tombstone for its SCHEMA key. */
    record VersionErased(String subject, int version) implements RegistryRecord {
    }

    /** A subject was soft-deleted: every version up to {@code upToVersion} counts as deleted. Key type DELETE_SUBJECT. */
    record SubjectSoftDeleted(String subject, int upToVersion) implements RegistryRecord {
    }

    /** A compatibility level was set, for a subject or, when {@code subject} is null, globally. Key type CONFIG. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements RegistryRecord {
    }

    /** A compatibility level was removed: a tombstone for the CONFIG key ({@code subject} null means global). */
    record CompatibilityCleared(String subject) implements RegistryRecord {
    }
}
