package dev.referrals.localstack.registry;

import dev.referrals.localstack.registry.RegistryRecord.CompatibilityCleared;
import dev.referrals.localstack.registry.RegistryRecord.CompatibilitySet;
import dev.referrals.localstack.registry.RegistryRecord.SubjectSoftDeleted;
import dev.referrals.localstack.registry.RegistryRecord.VersionErased;
import dev.referrals.localstack.registry.RegistryRecord.VersionWritten;
import dev.referrals.schemas.registry.CompatibilityLevel;
import dev.referrals.schemas.registry.CompatibilityResult;
import dev.referrals.schemas.registry.ConfluentCompatibilityAnswer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The registry's rules, as Confluent Schema Registry applies them: ids, versions, compatibility, soft and permanent
 * deletes, configuration. Independent of HTTP and of Kafka.
 * <p>
 * A write decides under one lock (this is a single-node registry), appends its records to the log, waits for the
 * acknowledgement, and only then folds them into the state and answers. Reads see the state as of the last write.
 */
final class SchemaRegistry implements AutoCloseable {

    private final RegistryLog log;
    private final CompatibilityLevel defaultLevel;
    private final RegistryState state = new RegistryState();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Replays the whole log before returning, so the first answer already knows every earlier id. */
    SchemaRegistry(RegistryLog log, CompatibilityLevel defaultLevel) {
        this.log = log;
        this.defaultLevel = defaultLevel;
        write(() -> null);
    }

    // ---- schemas and versions ----

    /** Registers the schema under the subject and answers its id; an already live schema keeps its id and version. */
    int register(String subject, SchemaDefinition schema) {
        return write(() -> {
            List<StoredVersion> live = state.versions(subject, false);
            Optional<StoredVersion> same = live.stream().filter(v -> v.schema().equals(schema.canonical())).findFirst();
            if (same.isPresent()) {
                return same.get().id();
            }
            CompatibilityResult result = check(schema, live, effectiveLevel(subject));
            if (!result.isCompatible()) {
                throw RegistryException.incompatibleSchema(result.registrationRefusal(subject));
            }
            int id = state.idOf(schema.canonical()).orElseGet(state::nextId);
            append(new VersionWritten(
                    new StoredVersion(subject, state.nextVersion(subject), id, schema.canonical(), false)));
            return id;
        });
    }

    /** The version of the subject that holds this schema (the newest, if several do). */
    StoredVersion lookup(String subject, SchemaDefinition schema, boolean includeDeleted) {
        return read(() -> {
            List<StoredVersion> versions = state.versions(subject, includeDeleted);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            StoredVersion found = null;
            for (StoredVersion version : versions) {
                if (version.schema().equals(schema.canonical())) {
                    found = version;
                }
            }
            if (found == null) {
                throw RegistryException.schemaNotFound();
            }
            return found;
        });
    }

    /** The id this schema already has under any subject, if any. */
    Optional<Integer> existingId(SchemaDefinition schema) {
        return read(() -> state.idOf(schema.canonical()));
    }

    /** The schema with this id; ids stay readable while any version, even a soft-deleted one, uses them. */
    String schemaById(int id) {
        return read(() -> state.schemaOf(id).orElseThrow(() -> RegistryException.schemaNotFound(id)));
    }

    List<StoredVersion> versionsWithId(int id, boolean includeDeleted) {
        return read(() -> {
            if (state.schemaOf(id).isEmpty()) {
                throw RegistryException.schemaNotFound(id);
            }
            return state.versionsWithId(id, includeDeleted);
        });
    }

    List<String> subjects(boolean includeDeleted, String prefix) {
        return read(() -> state.subjects(includeDeleted).stream()
                .filter(subject -> prefix == null || subject.startsWith(prefix))
                .toList());
    }

    List<Integer> versionNumbers(String subject, boolean includeDeleted) {
        return read(() -> {
            List<StoredVersion> versions = state.versions(subject, includeDeleted);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            return versions.stream().map(StoredVersion::version).toList();
        });
    }

    StoredVersion version(String subject, VersionRef ref, boolean includeDeleted) {
        return read(() -> resolve(subject, ref, includeDeleted));
    }

    // ---- compatibility ----

    /**
     * Checks the schema against one version ({@code ref}) or, with {@code ref} null, against the versions the
     * subject's level names. With {@code latest} and no live version there is nothing to break: compatible.
     */
    CompatibilityResult checkCompatibility(String subject, VersionRef ref, SchemaDefinition schema) {
        return read(() -> {
            CompatibilityLevel level = effectiveLevel(subject);
            List<StoredVersion> live = state.versions(subject, false);
            if (ref == null) {
                return check(schema, live, level);
            }
            if (ref.isLatest() && live.isEmpty()) {
                return CompatibilityResult.compatible();
            }
            return check(schema, List.of(resolve(subject, ref, false)), level);
        });
    }

    // ---- configuration ----

    CompatibilityLevel globalLevel() {
        return read(() -> state.globalLevel().orElse(defaultLevel));
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return read(() -> state.subjectLevel(subject));
    }

    void setLevel(String subjectOrNullForGlobal, CompatibilityLevel level) {
        write(() -> {
            append(new CompatibilitySet(subjectOrNullForGlobal, level));
            return null;
        });
    }

    /** Removes the subject's own level and answers it; the subject then follows the global level. */
    CompatibilityLevel clearSubjectLevel(String subject) {
        return write(() -> {
            CompatibilityLevel previous = state.subjectLevel(subject)
                    .orElseThrow(() -> RegistryException.subjectNotFound(subject));
            append(new CompatibilityCleared(subject));
            return previous;
        });
    }

    /** Removes the stored global level, back to the one the server was started with, and answers the old one. */
    CompatibilityLevel clearGlobalLevel() {
        return write(() -> {
            Optional<CompatibilityLevel> previous = state.globalLevel();
            if (previous.isPresent()) {
                append(new CompatibilityCleared(null));
            }
            return previous.orElse(defaultLevel);
        });
    }

    // ---- deletes ----

    /** Soft-deletes the live versions, or permanently deletes versions already soft-deleted; answers their numbers. */
    List<Integer> deleteSubject(String subject, boolean permanent) {
        return write(() -> {
            List<StoredVersion> all = state.versions(subject, true);
            if (all.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<StoredVersion> live = state.versions(subject, false);
            List<Integer> numbers = (permanent ? all : live).stream().map(StoredVersion::version).toList();
            if (!permanent) {
                if (live.isEmpty()) {
                    throw RegistryException.subjectSoftDeleted(subject);
                }
                append(new SubjectSoftDeleted(subject, numbers.get(numbers.size() - 1)));
                return numbers;
            }
            if (!live.isEmpty()) {
                throw RegistryException.subjectNotSoftDeleted(subject);
            }
            List<RegistryRecord> erasures = new ArrayList<>();
            numbers.forEach(number -> erasures.add(new VersionErased(subject, number)));
            if (state.subjectLevel(subject).isPresent()) {
                erasures.add(new CompatibilityCleared(subject));
            }
            append(erasures.toArray(RegistryRecord[]::new));
            return numbers;
        });
    }

    /** Soft-deletes a live version, or permanently deletes a soft-deleted one; answers its number. */
    int deleteVersion(String subject, VersionRef ref, boolean permanent) {
        return write(() -> {
            if (!state.hasSubject(subject, true)) {
                throw RegistryException.subjectNotFound(subject);
            }
            // "latest" names the newest live version for a soft delete, the newest of all for a permanent one.
            boolean latestLive = ref.isLatest() && !permanent && state.hasSubject(subject, false);
            StoredVersion version = resolve(subject, ref, !latestLive);
            if (!permanent && version.deleted()) {
                throw RegistryException.versionSoftDeleted(subject, version.version());
            }
            if (permanent && !version.deleted()) {
                throw RegistryException.versionNotSoftDeleted(subject, version.version());
            }
            append(permanent
                    ? new VersionErased(subject, version.version())
                    : new VersionWritten(version.softDeleted()));
            return version.version();
        });
    }

    @Override
    public void close() {
        log.close();
    }

    // ---- internals ----

    /** The check the mock registry of {@code schemas} runs too, answered in Confluent's wording. */
    private static CompatibilityResult check(SchemaDefinition schema, List<StoredVersion> previous,
                                             CompatibilityLevel level) {
        return ConfluentCompatibilityAnswer.check(level, schema.avro(),
                previous.stream().map(StoredVersion::asPreviousVersion).toList());
    }

    private CompatibilityLevel effectiveLevel(String subject) {
        return state.subjectLevel(subject).orElseGet(() -> state.globalLevel().orElse(defaultLevel));
    }

    private StoredVersion resolve(String subject, VersionRef ref, boolean includeDeleted) {
        List<StoredVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        if (ref.isLatest()) {
            return versions.get(versions.size() - 1);
        }
        return state.version(subject, ref.number())
                .filter(version -> includeDeleted || !version.deleted())
                .orElseThrow(() -> RegistryException.versionNotFound(ref.number()));
    }

    private void append(RegistryRecord... records) {
        log.append(List.of(records));
        log.catchUp(state::apply);
    }

    private <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a write against the state as of the end of the log, so earlier failed-looking writes are not missed. */
    private <T> T write(Supplier<T> command) {
        lock.writeLock().lock();
        try {
            log.catchUp(state::apply);
            return command.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
