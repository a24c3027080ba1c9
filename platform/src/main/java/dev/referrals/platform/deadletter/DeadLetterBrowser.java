package dev.referrals.platform.deadletter;

import dev.referrals.platform.kafka.DeadLetterReason;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads the dead-letter topics of the catalogue, a page at a time, and redrives their records to the catalogue topic
 * each dead-letter topic belongs to.
 *
 * <p>A redrive copies the record's key and value bytes unchanged (a dead letter keeps its source's schema id), adds
 * a {@code referrals-redriven-from} header, and leaves the dead letter where it is. Consumers dedupe by id, so
 * redriving a record twice does no harm. Where it goes is decided by the dead-letter topic's name alone: anyone who
 * can write to a dead-letter topic can write its headers, so {@code kafka_dlt-original-topic} never picks the target.
 *
 * <p>Offsets (counts, and where a page or a redrive starts) come from the Admin API; a consumer only reads records,
 * by assignment. A consumer asked for the offsets of partitions it is not assigned logs a WARN per partition each
 * time, and the gauges ask every {@code referrals.lag.interval}.
 */
public class DeadLetterBrowser implements AutoCloseable {

    /** Marks a redriven record with the dead letter it was copied from: {@code <dlt>/<partition>/<offset>}. */
    public static final String REDRIVEN_FROM_HEADER = "referrals-redriven-from";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterBrowser.class);

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int EMPTY_POLLS_AT_END = 2;
    private static final Duration ADMIN_CALL_TIMEOUT = Duration.ofSeconds(10);

    private final TopicNamespace namespace;
    private final Supplier<KafkaConsumer<String, byte[]>> consumers;
    private final Supplier<KafkaProducer<String, byte[]>> producers;
    private final Deserializer<Object> values;
    private final Admin admin;

    public DeadLetterBrowser(TopicNamespace namespace, Admin admin, Supplier<KafkaConsumer<String, byte[]>> consumers,
                             Supplier<KafkaProducer<String, byte[]>> producers, Deserializer<Object> values) {
        this.namespace = namespace;
        this.admin = admin;
        this.consumers = consumers;
        this.producers = producers;
        this.values = values;
    }

    /**
     * Every dead-letter topic of the catalogue with the number of records it holds (0 for one not created yet).
     *
     * @throws KafkaException when the broker cannot be asked, or does not answer in time
     */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            String deadLetters = namespace.deadLetterTopic(topic);
            counts.put(deadLetters, extents(deadLetters).stream().mapToLong(Extent::count).sum());
        }
        return counts;
    }

    private Optional<TopicDescription> describe(String topic) {
        try {
            return Optional.of(await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic));
        } catch (KafkaException failure) {
            if (failure.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(ADMIN_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failure) {
            throw new KafkaException("cannot read dead-letter offsets", failure.getCause());
        } catch (TimeoutException failure) {
            throw new KafkaException("no answer from the broker within " + ADMIN_CALL_TIMEOUT, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading dead-letter offsets", interrupted);
        }
    }

    @Override
    public void close() {
        admin.close();
    }

    /** Whether this is the dead-letter topic of a catalogue topic, in this service's namespace. */
    public boolean isDeadLetterTopic(String topic) {
        return sourceOf(topic).isPresent();
    }

    /**
     * One page of a dead-letter topic's records, as stored (not redacted): partition by partition, oldest first in
     * each, {@code first} counting from the oldest record of partition 0.
     *
     * @throws IllegalArgumentException when the topic is not a dead-letter topic of the catalogue
     */
    public DeadLetterPage page(String deadLetterTopic, long first, int size) {
        if (!isDeadLetterTopic(deadLetterTopic)) {
            throw new IllegalArgumentException("not a dead-letter topic of the catalogue: " + deadLetterTopic);
        }
        List<DeadLetter> letters = new ArrayList<>();
        long total;
        try (KafkaConsumer<String, byte[]> consumer = consumers.get()) {
            List<Extent> extents = extents(deadLetterTopic);
            total = extents.stream().mapToLong(Extent::count).sum();
            long skip = first;
            for (Extent extent : extents) {
                if (letters.size() == size) {
                    break;
                }
                if (skip >= extent.count()) {
                    skip -= extent.count();
                    continue;
                }
                long from = extent.begin() + skip;
                long until = Math.min(extent.end(), from + size - letters.size());
                skip = 0;
                read(consumer, extent.partition(), from, until, record -> true)
                        .forEach(record -> letters.add(describe(record)));
            }
        }
        return new DeadLetterPage(deadLetterTopic, total, letters);
    }

    /**
     * Copies the chosen records (all of them when {@code offsets} is empty) to the catalogue topic that this
     * dead-letter topic belongs to.
     *
     * @param target  the topic the caller expects the records to go to, if it named one; it must be that topic
     * @param offsets {@code partition -> offsets} to redrive
     * @return what was redriven, and where to
     * @throws RedriveRefusedException when the topic is not a dead-letter topic of the catalogue in this namespace, or
     *                                 {@code target} is another topic than the one it belongs to
     */
    public Redriven redrive(String deadLetterTopic, Optional<String> target, Map<Integer, List<Long>> offsets) {
        String sourceTopic = sourceOf(deadLetterTopic).orElseThrow(() -> new RedriveRefusedException(deadLetterTopic,
                target.orElse(null), "'" + deadLetterTopic + "' is not a dead-letter topic of this service's catalogue;"
                + " records are redriven only from " + namespace.prefix() + "<topic>-dlt to " + namespace.prefix()
                + "<topic>"));
        if (target.isPresent() && !target.get().equals(sourceTopic)) {
            throw new RedriveRefusedException(deadLetterTopic, target.get(), "records of '" + deadLetterTopic
                    + "' are redriven only to '" + sourceTopic + "', not to '" + target.get() + "'");
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumers.get()) {
            for (Extent extent : extents(deadLetterTopic)) {
                List<Long> chosen = offsets.getOrDefault(extent.partition().partition(), List.of());
                if (offsets.isEmpty()) {
                    records.addAll(read(consumer, extent.partition(), extent.begin(), extent.end(), record -> true));
                } else if (!chosen.isEmpty()) {
                    LongSummaryStatistics range = chosen.stream().mapToLong(Long::longValue).summaryStatistics();
                    long from = Math.max(extent.begin(), range.getMin());
                    long until = Math.min(extent.end(), range.getMax() + 1);
                    records.addAll(read(consumer, extent.partition(), from, until,
                            record -> chosen.contains(record.offset())));
                }
            }
        }
        try (KafkaProducer<String, byte[]> producer = producers.get()) {
            for (ConsumerRecord<String, byte[]> record : records) {
                warnOfAnotherOrigin(record, sourceTopic);
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(sourceTopic, record.key(), record.value());
                copy.headers().add(REDRIVEN_FROM_HEADER, (deadLetterTopic + "/" + record.partition() + "/"
                        + record.offset()).getBytes(StandardCharsets.UTF_8));
                producer.send(copy);
            }
            producer.flush();
        }
        return new Redriven(deadLetterTopic, sourceTopic, records.size());
    }

    /**
     * What a redrive did.
     *
     * @param deadLetterTopic where the records were read
     * @param target          the catalogue topic they were copied to
     * @param redriven        how many
     */
    public record Redriven(String deadLetterTopic, String target, int redriven) {
    }

    /** The catalogue topic (under this namespace) whose dead-letter topic this is. */
    private Optional<String> sourceOf(String deadLetterTopic) {
        return Topics.ALL.stream()
                .filter(topic -> namespace.deadLetterTopic(topic).equals(deadLetterTopic))
                .map(namespace::name)
                .findFirst();
    }

    private static void warnOfAnotherOrigin(ConsumerRecord<String, byte[]> record, String sourceTopic) {
        Header origin = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        String claimed = origin == null ? null : new String(origin.value(), StandardCharsets.UTF_8);
        if (claimed != null && !claimed.equals(sourceTopic)) {
            log.warn("Dead letter {}/{}/{} claims to come from '{}'; redriven to its own topic '{}' instead",
                    record.topic(), record.partition(), record.offset(), claimed, sourceTopic);
        }
    }

    /** Reads {@code [from, until)} of one partition; stops early if the broker has no more to give. */
    private static List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer,
            TopicPartition partition, long from, long until, Predicate<ConsumerRecord<String, byte[]>> keep) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        if (from >= until) {
            return records;
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        int emptyPolls = 0;
        while (consumer.position(partition) < until && emptyPolls < EMPTY_POLLS_AT_END) {
            List<ConsumerRecord<String, byte[]>> polled = consumer.poll(POLL).records(partition);
            for (ConsumerRecord<String, byte[]> record : polled) {
                if (record.offset() < until && keep.test(record)) {
                    records.add(record);
                }
            }
            emptyPolls = polled.isEmpty() ? emptyPolls + 1 : 0;
        }
        return records;
    }

    private DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.key().equals(KafkaHeaders.DLT_ORIGINAL_PARTITION)
                    || header.key().equals(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                    || header.key().equals(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)
                    ? String.valueOf(number(header.value()))
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new DeadLetter(record.partition(), record.offset(), record.key(),
                headers.getOrDefault(DeadLetterReason.HEADER, headers.get(KafkaHeaders.DLT_EXCEPTION_MESSAGE)),
                sourceOf(record.topic()).orElseThrow(),
                headers.get(KafkaHeaders.DLT_ORIGINAL_PARTITION) + "/" + headers.get(KafkaHeaders.DLT_ORIGINAL_OFFSET),
                Instant.ofEpochMilli(record.timestamp()).toString(), decode(record), headers);
    }

    private String decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return "null (a tombstone)";
        }
        try {
            return String.valueOf(values.deserialize(record.topic(), record.value()));
        } catch (RuntimeException unreadable) {
            return "(cannot be decoded: " + unreadable.getMessage() + ")";
        }
    }

    /**
     * The partitions of a topic in order, each with its first and next offsets (none for a topic not created yet),
     * from the Admin API: dead letters are never written in a transaction, so read_uncommitted end offsets count every
     * record.
     */
    private List<Extent> extents(String topic) {
        Optional<TopicDescription> description = describe(topic);
        if (description.isEmpty() || description.get().partitions().isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        List<TopicPartition> partitions = description.get().partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
        partitions.forEach(partition -> {
            earliest.put(partition, OffsetSpec.earliest());
            latest.put(partition, OffsetSpec.latest());
        });
        ListOffsetsOptions uncommitted = new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, ListOffsetsResultInfo> begin = await(admin.listOffsets(earliest, uncommitted).all());
        Map<TopicPartition, ListOffsetsResultInfo> end = await(admin.listOffsets(latest, uncommitted).all());
        return partitions.stream().map(partition -> new Extent(partition, begin.get(partition).offset(),
                end.get(partition).offset())).toList();
    }

    /**
     * The records a partition holds: offsets {@code [begin, end)}. Dead letters are written outside transactions, so
     * there are no control records and the count is exact.
     */
    private record Extent(TopicPartition partition, long begin, long end) {
        long count() {
            return end - begin;
        }
    }

    private static long number(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << Byte.SIZE) | (b & 0xFF);
        }
        return value;
    }
}
