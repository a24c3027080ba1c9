package dev.referrals.localstack.registry;

import dev.referrals.localstack.registry.RegistryRecord.CompatibilityCleared;
import dev.referrals.localstack.registry.RegistryRecord.CompatibilitySet;
import dev.referrals.localstack.registry.RegistryRecord.SubjectSoftDeleted;
import dev.referrals.localstack.registry.RegistryRecord.VersionErased;
import dev.referrals.localstack.registry.RegistryRecord.VersionWritten;
import dev.referrals.schemas.registry.CompatibilityLevel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The registry's in-memory state: what the log says, folded. It only changes through {@link #apply}, so the same
 * log always gives the same state. Not thread-safe: {@link SchemaRegistry} guards it.
 */
final class RegistryState {

    private final Map<String, NavigableMap<Integer, StoredVersion>> versionsBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    // Highest id ever seen, so an id freed by a permanent delete is not handed out again.
    private int highestId;

    void apply(RegistryRecord record) {
        if (record instanceof VersionWritten written) {
            write(written.version());
        } else if (record instanceof VersionErased erased) {
            erase(erased.subject(), erased.version());
        } else if (record instanceof SubjectSoftDeleted deleted) {
            softDeleteUpTo(deleted.subject(), deleted.upToVersion());
        } else if (record instanceof CompatibilitySet set) {
            if (set.subject() == null) {
                globalLevel = set.level();
            } else {
                subjectLevels.put(set.subject(), set.level());
            }
        } else if (record instanceof CompatibilityCleared cleared) {
            if (cleared.subject() == null) {
                globalLevel = null;
            } else {
                subjectLevels.remove(cleared.subject());
            }
        }
    }

    private void write(StoredVersion version) {
        versionsBySubject.computeIfAbsent(version.subject(), s -> new TreeMap<>()).put(version.version(), version);
        schemaById.put(version.id(), version.schema());
        idBySchema.put(version.schema(), version.id());
        highestId = Math.max(highestId, version.id());
    }

    private void erase(String subject, int version) {
        NavigableMap<Integer, StoredVersion> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return;
        }
        StoredVersion removed = versions.remove(version);
        if (versions.isEmpty()) {
            versionsBySubject.remove(subject);
        }
        if (removed != null && allVersions().noneMatch(v -> v.id() == removed.id())) {
            schemaById.remove(removed.id());
            idBySchema.remove(removed.schema(), removed.id());
        }
    }

    private void softDeleteUpTo(String subject, int upToVersion) {
        NavigableMap<Integer, StoredVersion> versions = versionsBySubject.get(subject);
        if (versions != null) {
            versions.headMap(upToVersion, true).replaceAll((number, version) -> version.softDeleted());
        }
    }

    /** The subject's versions, oldest first; soft-deleted ones only when asked for. */
    List<StoredVersion> versions(String subject, boolean includeDeleted) {
        NavigableMap<Integer, StoredVersion> versions = versionsBySubject.get(subject);
        if (versions == null) {
            return List.of();
        }
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    Optional<StoredVersion> version(String subject, int version) {
        return Optional.ofNullable(versionsBySubject.getOrDefault(subject, Collections.emptyNavigableMap()).get(version));
    }

    boolean hasSubject(String subject, boolean includeDeleted) {
        return !versions(subject, includeDeleted).isEmpty();
    }

    /** Subjects with at least one visible version, sorted by name. */
    List<String> subjects(boolean includeDeleted) {
        List<String> subjects = new ArrayList<>();
        versionsBySubject.forEach((subject, versions) -> {
            if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
                subjects.add(subject);
            }
        });
        return subjects;
    }

    /** The number the subject's next version gets: soft-deleted versions keep their numbers. */
    int nextVersion(String subject) {
        NavigableMap<Integer, StoredVersion> versions = versionsBySubject.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idBySchema.get(canonicalSchema));
    }

    Optional<String> schemaOf(int id) {
        return Optional.ofNullable(schemaById.get(id));
    }

    int nextId() {
        return highestId + 1;
    }

    /** Every subject version that uses the schema id, soft-deleted ones only when asked for. */
    List<StoredVersion> versionsWithId(int id, boolean includeDeleted) {
        return allVersions().filter(v -> v.id() == id && (includeDeleted || !v.deleted())).toList();
    }

    Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    private Stream<StoredVersion> allVersions() {
        return versionsBySubject.values().stream().flatMap(versions -> versions.values().stream());
    }
}
