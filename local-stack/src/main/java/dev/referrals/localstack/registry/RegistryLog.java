package dev.referrals.localstack.registry;

import java.util.List;
import java.util.function.Consumer;

/**
 * The durable, ordered log the registry's state is folded from. The server always uses {@link KafkaRegistryLog};
 * the interface exists so the registry's rules can be tested without a broker.
 * <p>
 * Callers hold the registry's write lock, so implementations need not be thread-safe.
 */
interface RegistryLog extends AutoCloseable {

    /** Hands every record not yet handed out to {@code apply}, in log order, up to the current end of the log. */
    void catchUp(Consumer<RegistryRecord> apply);

    /** Appends the records in order and returns only once the log has durably acknowledged all of them. */
    void append(List<RegistryRecord> records);

    @Override
    void close();
}
