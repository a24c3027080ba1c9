package dev.referrals.schemas.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.avro.Schema;

/**
 * Caches a registry client's answers as Confluent's {@code CachedSchemaRegistryClient} does, so that a serde makes
 * no registry call per record once warm.
 *
 * <p>An id names one schema forever, so id to schema and (subject, schema) to id are kept without expiry. The
 * newest version of a subject changes when someone registers, so it is kept for a configurable time only. Deletes
 * through this client drop what they invalidate; failures are never cached.
 */
public class CachingSchemaRegistryClient implements SchemaRegistryClient {

    /** Caches the newest version until restart, Confluent's default for {@code latest.cache.ttl.sec}. */
    public static final Duration LATEST_NEVER_EXPIRES = Duration.ofSeconds(-1);

    private record SubjectSchema(String subject, Schema schema) {
    }

    private record Expiring(RegisteredSchema value, long expiresAtNanos) {
    }

    private final SchemaRegistryClient delegate;
    private final Duration latestTtl;
    private final LongSupplier nanoTime;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> registeredIds = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, RegisteredSchema> lookups = new ConcurrentHashMap<>();
    private final Map<String, Expiring> latestBySubject = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this(delegate, LATEST_NEVER_EXPIRES);
    }

    /**
     * @param latestTtl how long {@link #latest} answers are reused: negative for ever, zero for never
     */
    public CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl) {
        this(delegate, latestTtl, System::nanoTime);
    }

    CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl, LongSupplier nanoTime) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.latestTtl = Objects.requireNonNull(latestTtl, "latestTtl");
        this.nanoTime = nanoTime;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = registeredIds.get(key);
        if (cached != null) {
            return cached;
        }
        // Not computeIfAbsent: that would hold a map lock during an HTTP call. Two threads may both register
        // the same schema; the registry answers both with the same id.
        int id = delegate.register(subject, schema);
        registeredIds.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        RegisteredSchema cached = lookups.get(key);
        if (cached != null) {
            return cached;
        }
        RegisteredSchema found = delegate.lookup(subject, schema);
        lookups.put(key, found);
        schemasById.putIfAbsent(found.id(), found.schema());
        return found;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        Schema fetched = delegate.schemaById(id);
        Schema raced = schemasById.putIfAbsent(id, fetched);
        // Hand every caller the same instance: readers and writers are cached per schema instance downstream.
        return raced == null ? fetched : raced;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        long now = nanoTime.getAsLong();
        Expiring cached = latestBySubject.get(subject);
        if (cached != null && (latestTtl.isNegative() || now - cached.expiresAtNanos() < 0)) {
            return cached.value();
        }
        RegisteredSchema latest = withCachedSchema(delegate.latest(subject));
        if (!latestTtl.isZero()) {
            latestBySubject.put(subject, new Expiring(latest, now + latestTtl.toNanos()));
        }
        return latest;
    }

    @Override
    public RegisteredSchema version(String subject, int version) {
        return withCachedSchema(delegate.version(subject, version));
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }

    @Override
    public List<Integer> versions(String subject) {
        return delegate.versions(subject);
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema, String version) {
        return delegate.testCompatibility(subject, schema, version);
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        return delegate.compatibility(subject);
    }

    @Override
    public CompatibilityLevel globalCompatibility() {
        return delegate.globalCompatibility();
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        delegate.setCompatibility(subject, level);
    }

    @Override
    public void setGlobalCompatibility(CompatibilityLevel level) {
        delegate.setGlobalCompatibility(level);
    }

    @Override
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        List<Integer> deleted = delegate.deleteSubject(subject, permanent);
        forgetSubject(subject);
        return deleted;
    }

    @Override
    public int deleteVersion(String subject, int version, boolean permanent) {
        int deleted = delegate.deleteVersion(subject, version, permanent);
        forgetSubject(subject);
        return deleted;
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Ids stay: a deleted subject does not free its ids, and old records still name them. */
    private void forgetSubject(String subject) {
        registeredIds.keySet().removeIf(key -> key.subject().equals(subject));
        lookups.keySet().removeIf(key -> key.subject().equals(subject));
        latestBySubject.remove(subject);
    }

    /** Swaps in the cached instance of an already-known id, so equal ids share one Schema object. */
    private RegisteredSchema withCachedSchema(RegisteredSchema answer) {
        Schema known = schemasById.putIfAbsent(answer.id(), answer.schema());
        return known == null ? answer
                : new RegisteredSchema(answer.subject(), answer.version(), answer.id(), known);
    }
}
