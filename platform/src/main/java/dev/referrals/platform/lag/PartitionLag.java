package dev.referrals.platform.lag;

/**
 * The lag of one consumer group on one partition, as the broker sees it.
 *
 * @param topic           the topic
 * @param partition       the partition
 * @param committedOffset the group's committed offset (the next record it will read); -1 if it never committed
 * @param endOffset       the log-end offset visible to read_committed readers (the last stable offset)
 * @param records         records written but not yet consumed: {@code endOffset - committedOffset}, less the
 *                        transaction markers and aborted records in it when the gap is small
 *                        ({@code LagSampler.MARKER_GAP_MAX} offsets or fewer)
 * @param seconds         the age of the oldest record not yet consumed; 0 when nothing is waiting
 */
public record PartitionLag(String topic, int partition, long committedOffset, long endOffset, long records,
                           double seconds) {
}
