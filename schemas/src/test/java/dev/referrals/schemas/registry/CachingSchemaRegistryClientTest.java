package dev.referrals.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

/** Ids and registrations are asked once; the newest version is asked again only after its TTL. */
class CachingSchemaRegistryClientTest {

    private static final Schema V1 = SchemaBuilder.record("Thing").fields().requiredString("a").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Thing").fields().requiredString("a")
            .optionalString("b").endRecord();

    private final MockSchemaRegistryClient registry = new MockSchemaRegistryClient();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final SchemaRegistryClient counted = counting(registry);

    @Test
    void registrationAndIdAreAskedOncePerSubjectAndSchema() {
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(counted);

        for (int i = 0; i < 5; i++) {
            cached.register("a-value", V1);
            cached.lookup("a-value", V1);
        }
        int id = cached.register("a-value", V1);
        cached.schemaById(id);

        assertThat(calls).containsEntry("register", 1).containsEntry("lookup", 1).doesNotContainKey("schemaById");
    }

    @Test
    void schemaByIdIsAskedOnceAndAlwaysTheSameInstanceIsReturned() {
        int id = registry.register("a-value", V1);
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(counted);

        Schema first = cached.schemaById(id);

        assertThat(cached.schemaById(id)).isSameAs(first);
        assertThat(cached.latest("a-value").schema()).isSameAs(first);
        assertThat(calls).containsEntry("schemaById", 1);
    }

    @Test
    void failuresAreNotCached() {
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(counted);

        assertThatThrownBy(() -> cached.schemaById(1)).isInstanceOf(SchemaRegistryException.class);
        int id = registry.register("a-value", V1);

        assertThat(cached.schemaById(id)).isEqualTo(V1);
    }

    @Test
    void latestIsReusedUntilItsTtlRunsOut() {
        AtomicLong now = new AtomicLong();
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(counted, Duration.ofSeconds(10),
                now::get);
        registry.register("a-value", V1);
        assertThat(cached.latest("a-value").version()).isEqualTo(1);

        registry.register("a-value", V2);
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(cached.latest("a-value").version()).isEqualTo(1);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cached.latest("a-value").version()).isEqualTo(2);
        assertThat(calls).containsEntry("latest", 2);
    }

    @Test
    void zeroTtlAsksForTheLatestEveryTime() {
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(counted, Duration.ZERO);
        registry.register("a-value", V1);

        cached.latest("a-value");
        cached.latest("a-value");

        assertThat(calls).containsEntry("latest", 2);
    }

    @Test
    void deletingASubjectForgetsItsRegistrationsButNotItsIds() {
        CachingSchemaRegistryClient cached = new CachingSchemaRegistryClient(counted);
        int id = cached.register("a-value", V1);
        cached.latest("a-value");

        cached.deleteSubject("a-value", false);

        assertThatThrownBy(() -> cached.latest("a-value")).isInstanceOf(SchemaRegistryException.class);
        assertThat(cached.schemaById(id)).isEqualTo(V1);
        assertThat(cached.register("a-value", V1)).isEqualTo(id);
        assertThat(calls).containsEntry("register", 2);
    }

    private SchemaRegistryClient counting(SchemaRegistryClient delegate) {
        return (SchemaRegistryClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> {
                    calls.merge(method.getName(), 1, Integer::sum);
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });
    }
}
