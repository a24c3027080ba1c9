package dev.referrals.platform.lag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the lag of consumer groups from the broker with the Admin API, so a consumer that is dead, or never started,
 * is seen as well as a live one. The age of the oldest unconsumed record is the timestamp of the first record at or
 * after the committed offset, read once per (partition, offset) and remembered.
 *
 * <p>Every partition written in a transaction ends with a control record (the commit or abort marker), which no
 * consumer ever receives, so a group that consumed everything may still be an offset or a few behind the log end.
 * When that gap is small ({@link #MARKER_GAP_MAX} offsets or fewer) the sampler reads it read_committed, once per
 * (partition, committed, end): the lag is the number of real records in it, so a gap of markers and aborted records
 * only is no lag at all. A larger gap is counted as it is.
 */
final class LagSampler implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);
    private static final double MILLIS_PER_SECOND = 1000.0;
    /**
     * The widest gap read record by record. A transaction leaves one marker per partition, so an idle group is a
     * marker or a few behind; a wider gap is real lag, and counting it exactly is not worth a read per sample.
     */
    static final long MARKER_GAP_MAX = 32;

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;
    private final Pattern groups;
    private final Clock clock;
    /** The timestamp of the record at a committed offset never changes, so it is read once. */
    private final Map<TopicPartition, long[]> timestampAtOffset = new HashMap<>();
    /** What a small gap holds never changes either, as long as its two ends stay where they are. */
    private final Map<TopicPartition, Gap> gaps = new HashMap<>();

    LagSampler(Admin admin, KafkaConsumer<byte[], byte[]> reader, Pattern groups, Clock clock) {
        this.admin = admin;
        this.reader = reader;
        this.groups = groups;
        this.clock = clock;
    }

    /** One sample of every matching group; a group whose offsets cannot be read gets a failed sample. */
    List<GroupSample> sample() throws InterruptedException {
        Instant now = clock.instant();
        List<String> groupIds;
        try {
            groupIds = await(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                    .map(GroupListing::groupId)
                    .filter(id -> groups.matcher(id).matches())
                    .sorted()
                    .toList();
        } catch (ExecutionException | TimeoutException unreachable) {
            return List.of(GroupSample.failed("*", now, "cannot list consumer groups: " + describe(unreachable)));
        }
        if (groupIds.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = describe(groupIds);
        List<GroupSample> samples = new ArrayList<>();
        for (String group : groupIds) {
            samples.add(sample(group, descriptions.get(group), now));
        }
        return samples;
    }

    private GroupSample sample(String group, ConsumerGroupDescription description, Instant now)
            throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = await(admin.listOffsets(latest,
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
            List<PartitionLag> partitions = new ArrayList<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : byName(committed).entrySet()) {
                partitions.add(partitionLag(entry.getKey(), entry.getValue(), ends.get(entry.getKey()), now));
            }
            boolean hasMembers = description != null && !description.members().isEmpty();
            return new GroupSample(group, now, hasMembers, partitions, null);
        } catch (ExecutionException | TimeoutException failure) {
            return GroupSample.failed(group, now, "cannot read offsets: " + describe(failure));
        }
    }

    private PartitionLag partitionLag(TopicPartition partition, OffsetAndMetadata committed,
                                      ListOffsetsResultInfo end, Instant now) {
        long committedOffset = committed == null ? -1 : committed.offset();
        long endOffset = end == null ? committedOffset : end.offset();
        long from = Math.max(committedOffset, 0);
        long records = Math.max(0, endOffset - from);
        long timestamp = -1;
        if (records > 0 && records <= MARKER_GAP_MAX) {
            Gap gap = gap(partition, from, endOffset);
            if (gap != null) {
                records = gap.records();
                timestamp = gap.oldestTimestamp();
            }
        } else if (records > 0) {
            timestamp = timestampAt(partition, from);
        }
        double seconds = records == 0 || timestamp < 0
                ? 0 : Math.max(0, (now.toEpochMilli() - timestamp) / MILLIS_PER_SECOND);
        return new PartitionLag(partition.topic(), partition.partition(), committedOffset, endOffset, records, seconds);
    }

    /**
     * The real records between {@code from} and {@code to}, read read_committed, so markers and aborted records are
     * skipped; null if the reader did not reach {@code to} in time (then the gap counts as it is).
     */
    private Gap gap(TopicPartition partition, long from, long to) {
        Gap cached = gaps.get(partition);
        if (cached != null && cached.from() == from && cached.to() == to) {
            return cached;
        }
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        long records = 0;
        long oldestTimestamp = -1;
        long deadline = System.nanoTime() + FETCH_TIMEOUT.toNanos();
        while (reader.position(partition) < to && System.nanoTime() < deadline) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            for (ConsumerRecord<byte[], byte[]> record : reader.poll(left).records(partition)) {
                if (record.offset() < to) {
                    records++;
                    oldestTimestamp = oldestTimestamp < 0 ? record.timestamp() : oldestTimestamp;
                }
            }
        }
        if (reader.position(partition) < to) {
            return null;
        }
        Gap gap = new Gap(from, to, records, oldestTimestamp);
        gaps.put(partition, gap);
        return gap;
    }

    /** The timestamp of the first visible record at or after {@code offset}, or -1 if none can be read now. */
    private long timestampAt(TopicPartition partition, long offset) {
        long[] cached = timestampAtOffset.get(partition);
        if (cached != null && cached[0] == offset) {
            return cached[1];
        }
        reader.assign(List.of(partition));
        reader.seek(partition, offset);
        for (ConsumerRecord<byte[], byte[]> record : reader.poll(FETCH_TIMEOUT).records(partition)) {
            timestampAtOffset.put(partition, new long[] {offset, record.timestamp()});
            return record.timestamp();
        }
        return -1;
    }

    /**
     * What lies between a committed offset and the log end.
     *
     * @param records         real records, neither markers nor aborted
     * @param oldestTimestamp the first real record's timestamp, or -1 if there is none
     */
    private record Gap(long from, long to, long records, long oldestTimestamp) {
    }

    private Map<String, ConsumerGroupDescription> describe(Collection<String> groupIds) throws InterruptedException {
        try {
            return await(admin.describeConsumerGroups(groupIds).all());
        } catch (ExecutionException | TimeoutException failure) {
            return Map.of();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> byName(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetAndMetadata> ordered = new LinkedHashMap<>();
        offsets.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<TopicPartition, OffsetAndMetadata> e) -> e.getKey().topic())
                        .thenComparingInt(e -> e.getKey().partition()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    private static <T> T await(KafkaFuture<T> future)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String describe(Exception failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public void close() {
        reader.close();
        admin.close();
    }
}
