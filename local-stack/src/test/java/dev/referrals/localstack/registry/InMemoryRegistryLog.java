package dev.referrals.localstack.registry;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A registry log in memory, for testing the registry's rules without a broker. It keeps records as the Kafka log
 * does, encoded with Confluent's shapes, so a registry replaying it also proves the codec round trip.
 */
final class InMemoryRegistryLog implements RegistryLog {

    private final RegistryRecordCodec codec = new RegistryRecordCodec(new ObjectMapper());
    private final List<RegistryRecordCodec.Encoded> records = new ArrayList<>();
    private int handedOut;

    /** A log holding the same records, read from the beginning, as a restarted registry would read the topic. */
    InMemoryRegistryLog reopened() {
        InMemoryRegistryLog copy = new InMemoryRegistryLog();
        copy.records.addAll(records);
        return copy;
    }

    List<RegistryRecordCodec.Encoded> records() {
        return List.copyOf(records);
    }

    @Override
    public void catchUp(Consumer<RegistryRecord> apply) {
        while (handedOut < records.size()) {
            RegistryRecordCodec.Encoded record = records.get(handedOut++);
            codec.decode(record.key(), record.value()).ifPresent(apply);
        }
    }

    @Override
    public void append(List<RegistryRecord> newRecords) {
        newRecords.forEach(record -> records.add(codec.encode(record)));
    }

    @Override
    public void close() {
    }
}
