package dev.referrals.platform.deadletter;

import dev.referrals.platform.kafka.DeadLetterReason;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads the dead-letter topics of the catalogue and redrives their records to the topics they came from.
 *
 * <p>A redrive copies the record's key and value bytes unchanged (a dead letter keeps its source's schema id), adds
 * a {@code referrals-redriven-from} header, and leaves the dead letter where it is. Consumers dedupe by id, so
 * redriving a record twice does no harm.
 */
public class DeadLetterBrowser {

    /** Marks a redriven record with the dead letter it was copied from: {@code <dlt>/<partition>/<offset>}. */
    public static final String REDRIVEN_FROM_HEADER = "referrals-redriven-from";

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int EMPTY_POLLS_AT_END = 2;

    private final TopicNamespace namespace;
    private final Supplier<KafkaConsumer<String, byte[]>> consumers;
    private final Supplier<KafkaProducer<String, byte[]>> producers;
    private final Deserializer<Object> values;

    public DeadLetterBrowser(TopicNamespace namespace, Supplier<KafkaConsumer<String, byte[]>> consumers,
                             Supplier<KafkaProducer<String, byte[]>> producers, Deserializer<Object> values) {
        this.namespace = namespace;
        this.consumers = consumers;
        this.producers = producers;
        this.values = values;
    }

    /** Every dead-letter topic of the catalogue with the number of records it holds. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumers.get()) {
            for (Topic<?, ?> topic : Topics.ALL) {
                String deadLetters = namespace.deadLetterTopic(topic);
                List<TopicPartition> partitions = partitions(consumer, deadLetters);
                long count = 0;
                if (!partitions.isEmpty()) {
                    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    for (TopicPartition partition : partitions) {
                        count += end.get(partition) - begin.get(partition);
                    }
                }
                counts.put(deadLetters, count);
            }
        }
        return counts;
    }

    /** The records of one dead-letter topic, oldest first per partition. */
    public List<DeadLetter> list(String deadLetterTopic) {
        requireDeadLetterTopic(deadLetterTopic);
        List<DeadLetter> letters = new ArrayList<>();
        readAll(deadLetterTopic, record -> true).forEach(record -> letters.add(describe(record)));
        return letters;
    }

    /**
     * Copies the chosen records (all of them when {@code offsets} is empty) back to their source topic.
     *
     * @param offsets {@code partition -> offsets} to redrive
     * @return how many records were redriven
     */
    public int redrive(String deadLetterTopic, Map<Integer, List<Long>> offsets) {
        requireDeadLetterTopic(deadLetterTopic);
        Predicate<ConsumerRecord<String, byte[]>> chosen = record -> offsets.isEmpty()
                || offsets.getOrDefault(record.partition(), List.of()).contains(record.offset());
        List<ConsumerRecord<String, byte[]>> records = readAll(deadLetterTopic, chosen);
        try (KafkaProducer<String, byte[]> producer = producers.get()) {
            for (ConsumerRecord<String, byte[]> record : records) {
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(sourceTopic(record), record.key(),
                        record.value());
                copy.headers().add(REDRIVEN_FROM_HEADER, (deadLetterTopic + "/" + record.partition() + "/"
                        + record.offset()).getBytes(StandardCharsets.UTF_8));
                producer.send(copy);
            }
            producer.flush();
        }
        return records.size();
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, Predicate<ConsumerRecord<String, byte[]>> keep) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int emptyPolls = 0;
            while (!reachedEnd(consumer, end) && emptyPolls < EMPTY_POLLS_AT_END) {
                int before = records.size();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (keep.test(record)) {
                        records.add(record);
                    }
                }
                emptyPolls = records.size() == before ? emptyPolls + 1 : 0;
            }
        }
        return records;
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
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
                sourceTopic(record),
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

    private String sourceTopic(ConsumerRecord<String, byte[]> record) {
        Header original = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original != null) {
            return new String(original.value(), StandardCharsets.UTF_8);
        }
        return record.topic().substring(0, record.topic().length() - Topic.DEAD_LETTER_SUFFIX.length());
    }

    private void requireDeadLetterTopic(String topic) {
        boolean known = Topics.ALL.stream().anyMatch(candidate -> namespace.deadLetterTopic(candidate).equals(topic));
        if (!known) {
            throw new IllegalArgumentException("not a dead-letter topic of the catalogue: " + topic);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> infos = Optional.ofNullable(consumer.partitionsFor(topic)).orElse(List.of());
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static long number(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << Byte.SIZE) | (b & 0xFF);
        }
        return value;
    }
}
