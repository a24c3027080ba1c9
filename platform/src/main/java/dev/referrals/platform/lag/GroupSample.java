package dev.referrals.platform.lag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One observation of a consumer group.
 *
 * @param group      the group id
 * @param at         when it was taken
 * @param hasMembers whether any consumer is in the group now
 * @param partitions the lag per partition
 * @param error      why the sample could not be taken, or null
 */
public record GroupSample(String group, Instant at, boolean hasMembers, List<PartitionLag> partitions, String error) {

    public GroupSample {
        partitions = List.copyOf(partitions);
    }

    static GroupSample failed(String group, Instant at, String error) {
        return new GroupSample(group, at, false, List.of(), error);
    }

    public long totalRecords() {
        return partitions.stream().mapToLong(PartitionLag::records).sum();
    }

    public double maxSeconds() {
        return partitions.stream().mapToDouble(PartitionLag::seconds).max().orElse(0);
    }

    /** Committed offsets by {@code topic-partition}, to see whether the group moved between two samples. */
    Map<String, Long> committedOffsets() {
        return partitions.stream().collect(Collectors.toMap(
                lag -> lag.topic() + "-" + lag.partition(), PartitionLag::committedOffset));
    }
}
