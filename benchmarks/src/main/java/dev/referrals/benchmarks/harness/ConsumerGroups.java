package dev.referrals.benchmarks.harness;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListOffsetsOptions;

/**
 * Offsets from the broker's Admin API: how many records a topic holds, and whether a consumer group has caught up
 * with its topics. This is how a stage knows a service has loaded its facts or drained its backlog, without asking
 * the service.
 */
public final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    public ConsumerGroups(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The records on these topics: the sum of their partitions' end offsets (committed transactions included). */
    public long endOffsets(Collection<String> topics) {
        return ends(topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the group committed offsets at the end of every partition of these topics. */
    public boolean caughtUp(String group, Collection<String> topics) {
        Map<TopicPartition, Long> ends = ends(topics);
        Map<TopicPartition, OffsetAndMetadata> committed = await(
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            long at = offset == null ? 0 : offset.offset();
            if (at < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Waits until every group has caught up with its topics. */
    public void awaitCaughtUp(Map<String, List<String>> topicsByGroup, Duration timeout, Duration interval) {
        Poll.until(() -> topicsByGroup.entrySet().stream().allMatch(group -> caughtUp(group.getKey(),
                group.getValue())), timeout, interval, "consumer groups " + topicsByGroup.keySet() + " to catch up");
    }

    /** A counter of the records on these topics, for a {@link Drain}. */
    public LongSupplier recordsOn(Collection<String> topics) {
        return () -> endOffsets(topics);
    }

    @Override
    public void close() {
        admin.close();
    }

    private Map<TopicPartition, Long> ends(Collection<String> topics) {
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
        // Read committed: a transaction's markers count in the end offset, exactly as consumers commit past them.
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = await(admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
