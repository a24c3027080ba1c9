package dev.referrals.schemas.registry;

import static dev.referrals.schemas.registry.SchemaRegistryException.HTTP_CONFLICT;
import static dev.referrals.schemas.registry.SchemaRegistryException.HTTP_NOT_FOUND;
import static dev.referrals.schemas.registry.SchemaRegistryException.HTTP_UNPROCESSABLE_ENTITY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * An in-memory registry with the behaviour of Confluent's, for unit tests and {@code schema.registry.url=mock://scope}.
 *
 * <p>Every client of one scope in the JVM shares one registry, as with Confluent's mock, so a producer and a
 * consumer configured with the same {@code mock://} URL see each other's schemas. Ids count from 1; the same
 * schema text has the same id under every subject; registration obeys the compatibility level (BACKWARD unless
 * set), and errors carry the status and error code the real registry answers with. Ids stay readable after their
 * subject is deleted, as old records still name them.
 */
public class MockSchemaRegistryClient implements SchemaRegistryClient {

    /** URL prefix that selects this registry; the rest of the URL names the scope. */
    public static final String MOCK_URL_PREFIX = "mock://";
    private static final int FIRST_ID = 1;
    private static final int FIRST_VERSION = 1;

    private static final ConcurrentMap<String, MockSchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private static final class Version {
        final int number;
        final int id;
        final Schema schema;
        final String canonical;
        boolean deleted;

        Version(int number, int id, Schema schema, String canonical) {
            this.number = number;
            this.id = id;
            this.schema = schema;
            this.canonical = canonical;
        }
    }

    private static final class Subject {
        final List<Version> versions = new ArrayList<>();
        int nextVersion = FIRST_VERSION;

        List<Version> live() {
            return versions.stream().filter(version -> !version.deleted).toList();
        }
    }

    private final Map<String, Integer> idsByCanonical = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Subject> subjects = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private int nextId = FIRST_ID;

    /** A registry of its own, shared with nobody. */
    public MockSchemaRegistryClient() {
    }

    /** The registry of the scope, created empty on first use. */
    public static MockSchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(Objects.requireNonNull(scope, "scope"), name -> new MockSchemaRegistryClient());
    }

    /** Forgets the scope's registry, so the next use of the scope starts empty. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    /** Whether the {@code schema.registry.url} value selects a mock registry. */
    public static boolean isMockUrl(String url) {
        return url != null && url.trim().startsWith(MOCK_URL_PREFIX);
    }

    /** The scope named by a {@code mock://scope} URL; a comma-separated list uses its first URL. */
    public static String scopeOf(String url) {
        String first = url.split(",")[0].trim();
        if (!first.startsWith(MOCK_URL_PREFIX)) {
            throw new IllegalArgumentException("Not a mock registry URL: " + url);
        }
        return first.substring(MOCK_URL_PREFIX.length());
    }

    @Override
    public synchronized int register(String subjectName, Schema schema) {
        String canonical = SchemaText.canonical(schema);
        Subject subject = subjects.computeIfAbsent(subjectName, name -> new Subject());
        for (Version version : subject.live()) {
            if (version.canonical.equals(canonical)) {
                return version.id;
            }
        }
        Schema stored = SchemaText.parse(canonical);
        CompatibilityResult result = MockCompatibilityAnswer.check(compatibility(subjectName), stored,
                previous(subject.live()));
        if (!result.isCompatible()) {
            throw new SchemaRegistryException(result.registrationRefusal(subjectName), HTTP_CONFLICT,
                    RegistryErrorCode.INCOMPATIBLE_SCHEMA);
        }
        int id = idsByCanonical.computeIfAbsent(canonical, text -> nextId++);
        schemasById.putIfAbsent(id, stored);
        subject.versions.add(new Version(subject.nextVersion++, id, schemasById.get(id), canonical));
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subjectName, Schema schema) {
        String canonical = SchemaText.canonical(schema);
        return liveVersions(subjectName).stream()
                .filter(version -> version.canonical.equals(canonical))
                .findFirst()
                .map(version -> registered(subjectName, version))
                .orElseThrow(() -> new SchemaRegistryException("Schema not found", HTTP_NOT_FOUND,
                        RegistryErrorCode.SCHEMA_NOT_FOUND));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException("Schema " + id + " not found", HTTP_NOT_FOUND,
                    RegistryErrorCode.SCHEMA_NOT_FOUND);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subjectName) {
        List<Version> live = liveVersions(subjectName);
        return registered(subjectName, live.get(live.size() - 1));
    }

    @Override
    public synchronized RegisteredSchema version(String subjectName, int number) {
        requireValidVersion(number);
        return registered(subjectName, liveVersion(subjectName, number));
    }

    @Override
    public synchronized List<String> subjects() {
        return subjects.entrySet().stream()
                .filter(entry -> !entry.getValue().live().isEmpty())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public synchronized List<Integer> versions(String subjectName) {
        return liveVersions(subjectName).stream().map(version -> version.number).toList();
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subjectName, Schema schema, String version) {
        Schema candidate = SchemaText.parse(SchemaText.canonical(schema));
        CompatibilityLevel level = compatibility(subjectName);
        List<PreviousVersion> against;
        if (LATEST_VERSION.equalsIgnoreCase(version)) {
            Subject subject = subjects.get(subjectName);
            // Like Confluent: nothing registered yet means nothing to break.
            against = subject == null ? List.of() : previous(subject.live());
        } else {
            Version old = liveVersion(subjectName, parseVersion(version));
            against = List.of(PreviousVersion.of(old.number, old.schema));
        }
        return MockCompatibilityAnswer.check(level, candidate, against);
    }

    @Override
    public synchronized CompatibilityLevel compatibility(String subjectName) {
        return subjectLevels.getOrDefault(subjectName, globalLevel);
    }

    @Override
    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel;
    }

    @Override
    public synchronized void setCompatibility(String subjectName, CompatibilityLevel level) {
        subjectLevels.put(subjectName, Objects.requireNonNull(level, "level"));
    }

    @Override
    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        globalLevel = Objects.requireNonNull(level, "level");
    }

    @Override
    public synchronized List<Integer> deleteSubject(String subjectName, boolean permanent) {
        Subject subject = existingSubject(subjectName);
        List<Version> live = subject.live();
        if (permanent) {
            if (!live.isEmpty()) {
                throw new SchemaRegistryException("Subject '" + subjectName + "' was not deleted first before being "
                        + "permanently deleted", HTTP_NOT_FOUND, RegistryErrorCode.SUBJECT_NOT_SOFT_DELETED);
            }
            subjects.remove(subjectName);
            return subject.versions.stream().map(version -> version.number).toList();
        }
        if (live.isEmpty()) {
            throw new SchemaRegistryException("Subject '" + subjectName + "' was soft deleted. Set permanent=true "
                    + "to delete permanently", HTTP_NOT_FOUND, RegistryErrorCode.SUBJECT_SOFT_DELETED);
        }
        live.forEach(version -> version.deleted = true);
        return live.stream().map(version -> version.number).toList();
    }

    @Override
    public synchronized int deleteVersion(String subjectName, int number, boolean permanent) {
        requireValidVersion(number);
        Subject subject = existingSubject(subjectName);
        Version version = subject.versions.stream().filter(candidate -> candidate.number == number).findFirst()
                .orElseThrow(() -> versionNotFound(subjectName, number));
        if (permanent) {
            if (!version.deleted) {
                throw new SchemaRegistryException("Subject '" + subjectName + "' Version " + number + " was not "
                        + "deleted first before being permanently deleted", HTTP_NOT_FOUND,
                        RegistryErrorCode.SCHEMA_VERSION_NOT_SOFT_DELETED);
            }
            subject.versions.remove(version);
            return number;
        }
        if (version.deleted) {
            throw new SchemaRegistryException("Subject '" + subjectName + "' Version " + number + " was soft deleted. "
                    + "Set permanent=true to delete permanently", HTTP_NOT_FOUND,
                    RegistryErrorCode.SCHEMA_VERSION_SOFT_DELETED);
        }
        version.deleted = true;
        return number;
    }

    private Subject existingSubject(String subjectName) {
        Subject subject = subjects.get(subjectName);
        if (subject == null || subject.versions.isEmpty()) {
            throw subjectNotFound(subjectName);
        }
        return subject;
    }

    private List<Version> liveVersions(String subjectName) {
        Subject subject = subjects.get(subjectName);
        List<Version> live = subject == null ? List.of() : subject.live();
        if (live.isEmpty()) {
            throw subjectNotFound(subjectName);
        }
        return live;
    }

    private Version liveVersion(String subjectName, int number) {
        return liveVersions(subjectName).stream().filter(version -> version.number == number).findFirst()
                .orElseThrow(() -> versionNotFound(subjectName, number));
    }

    private static List<PreviousVersion> previous(List<Version> live) {
        return live.stream().map(version -> PreviousVersion.of(version.number, version.schema)).toList();
    }

    private static RegisteredSchema registered(String subjectName, Version version) {
        return new RegisteredSchema(subjectName, version.number, version.id, version.schema);
    }

    private static int parseVersion(String version) {
        try {
            int number = Integer.parseInt(version.trim());
            requireValidVersion(number);
            return number;
        } catch (NumberFormatException notANumber) {
            throw invalidVersion(version);
        }
    }

    private static void requireValidVersion(int number) {
        if (number < FIRST_VERSION) {
            throw invalidVersion(String.valueOf(number));
        }
    }

    private static SchemaRegistryException invalidVersion(String version) {
        return new SchemaRegistryException("The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"", HTTP_UNPROCESSABLE_ENTITY,
                RegistryErrorCode.INVALID_VERSION);
    }

    private static SchemaRegistryException subjectNotFound(String subjectName) {
        return new SchemaRegistryException("Subject '" + subjectName + "' not found.", HTTP_NOT_FOUND,
                RegistryErrorCode.SUBJECT_NOT_FOUND);
    }

    private static SchemaRegistryException versionNotFound(String subjectName, int number) {
        return new SchemaRegistryException("Version " + number + " not found for subject '" + subjectName + "'.",
                HTTP_NOT_FOUND, RegistryErrorCode.VERSION_NOT_FOUND);
    }
}
