package dev.referrals.processor.ledger;

import dev.referrals.platform.failure.DependencyUnavailableException;
import dev.referrals.platform.failure.ListenerFailure;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Reads the ledger's progress from the broker: for every partition of the ledger's topics, the first offset whose
 * record is not older than the instant (the log end when there is none), against the committed offset of the
 * ledger listener's group. Asked only for a request whose grace period is over and whose facts are missing; once an
 * instant is read, every earlier one is too, so most answers need no call at all.
 */
@Component
class KafkaLedgerProgress implements LedgerProgress, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final Map<String, Topic<?, ?>> topicsByGroup = new HashMap<>();
    private final TopicNamespace namespace;
    /** Every fact published before this instant is known to be in the ledger. */
    private volatile Instant readUpTo = Instant.EPOCH;

    KafkaLedgerProgress(KafkaAdmin kafkaAdmin, TopicNamespace namespace) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.namespace = namespace;
        topicsByGroup.put(namespace.group(AccountsListener.ID), Topics.ACCOUNTS);
        topicsByGroup.put(namespace.group(JobsListener.ID), Topics.JOBS);
        topicsByGroup.put(namespace.group(JobActivityListener.ID), Topics.JOB_ACTIVITY);
    }

    @Override
    public boolean hasRead(Instant before) {
        if (!before.isAfter(readUpTo)) {
            return true;
        }
        try {
            if (!allRead(before)) {
                return false;
            }
        } catch (ExecutionException | TimeoutException failure) {
            throw new DependencyUnavailableException(ListenerFailure.KAFKA,
                    "cannot read the ledger's progress from the broker: " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ledger's progress", interrupted);
        }
        readUpTo = before;
        return true;
    }

    private boolean allRead(Instant before) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> notOlder = new HashMap<>();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
        topicsByGroup.forEach((group, topic) -> {
            List<TopicPartition> partitions = partitions(topic);
            partitions.forEach(partition -> {
                notOlder.put(partition, OffsetSpec.forTimestamp(before.toEpochMilli()));
                ends.put(partition, OffsetSpec.latest());
            });
            groups.put(group, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions));
        });
        ListOffsetsOptions committedOnly = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> firstNotOlder = await(admin.listOffsets(notOlder, committedOnly).all());
        Map<TopicPartition, ListOffsetsResultInfo> logEnds = await(admin.listOffsets(ends, committedOnly).all());
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = await(admin.listConsumerGroupOffsets(groups).all());
        for (Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> group : committed.entrySet()) {
            for (TopicPartition partition : partitions(topicsByGroup.get(group.getKey()))) {
                long mustReach = firstNotOlder.get(partition).offset() >= 0
                        ? firstNotOlder.get(partition).offset() : logEnds.get(partition).offset();
                OffsetAndMetadata at = group.getValue().get(partition);
                if ((at == null ? 0 : at.offset()) < mustReach) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<TopicPartition> partitions(Topic<?, ?> topic) {
        String name = namespace.name(topic);
        return IntStream.range(0, topic.partitions())
                .mapToObj(partition -> new TopicPartition(name, partition)).toList();
    }

    private static <T> T await(KafkaFuture<T> future)
            throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(1));
    }
}
