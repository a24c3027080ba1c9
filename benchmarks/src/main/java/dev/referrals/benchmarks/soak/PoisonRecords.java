package dev.referrals.benchmarks.soak;

import dev.referrals.localstack.LocalStack;
import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.AccountKind;
import dev.referrals.marketplace.AccountStatus;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Records that no consumer can ever read, of five kinds, spread over every topic a service consumes and sent while
 * the good load runs, so they are interleaved with good records. Each must end in its topic's DLT, once per group that
 * consumes the topic, with its reason; no good record may join them.
 */
final class PoisonRecords implements AutoCloseable {

    /** A schema id no registry has handed out: the registry confirms that it does not know it. */
    private static final int UNKNOWN_SCHEMA_ID = Integer.MAX_VALUE - 7;
    /** Far beyond any event of the catalogue (a few hundred bytes), within what the broker and the DLT accept. */
    private static final int OVERSIZE_BYTES = 256 * 1024;
    private static final byte NOT_THE_MAGIC_BYTE = 7;

    enum Kind {
        BAD_MAGIC_BYTE, UNKNOWN_SCHEMA_ID, TRUNCATED_AVRO, WRONG_TYPE, OVERSIZE
    }

    /** Where one poison record landed. {@code topic} is the catalogue topic, {@code name} its namespaced name. */
    record Poison(Kind kind, Topic<String, ?> topic, String name, int partition, long offset) {
    }

    private final TopicNamespace namespace;
    private final KafkaProducer<byte[], byte[]> producer;
    /** A valid Account in the wire format: its schema id is one the registry knows. */
    private final byte[] account;

    PoisonRecords(LocalStack stack, TopicNamespace namespace) {
        this.namespace = namespace;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer());
        try (AvroSerializer serializer = new AvroSerializer()) {
            serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl().orElseThrow(),
                    AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);
            this.account = serializer.serialize(namespace.name(Topics.ACCOUNTS), Account.newBuilder()
                    .setAccountId("poison-template").setKind(AccountKind.FREELANCER).setDisplayName("Poison")
                    .setEmail("poison@bench.example").setProfileUrl(null).setStatus(AccountStatus.ACTIVE)
                    .setUpdatedAt(Instant.now()).build());
        }
    }

    /**
     * Sends {@code count} poison records, one every {@code over / count}, cycling through every consumed topic and
     * every kind, and returns where each landed.
     */
    List<Poison> sendSpread(int count, Duration over) {
        List<Poison> sent = new ArrayList<>();
        long pauseMillis = over.toMillis() / Math.max(1, count);
        List<Topic<String, ?>> topics = Topics.ALL;
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count; i++) {
            Topic<String, ?> topic = topics.get(i % topics.size());
            Kind kind = kinds[(i / topics.size()) % kinds.length];
            sent.add(send(i, topic, kind));
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending poison records", e);
            }
        }
        return sent;
    }

    private Poison send(int i, Topic<String, ?> topic, Kind kind) {
        String name = namespace.name(topic);
        byte[] key = ("poison-" + i).getBytes(StandardCharsets.UTF_8);
        try {
            RecordMetadata landed = producer.send(new ProducerRecord<>(name, key, value(kind, topic))).get();
            return new Poison(kind, topic, name, landed.partition(), landed.offset());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send a poison record to " + name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a poison record", e);
        }
    }

    private byte[] value(Kind kind, Topic<String, ?> topic) {
        return switch (kind) {
            case BAD_MAGIC_BYTE -> {
                byte[] value = account.clone();
                value[0] = NOT_THE_MAGIC_BYTE;
                yield value;
            }
            case UNKNOWN_SCHEMA_ID -> {
                byte[] value = account.clone();
                ByteBuffer.wrap(value).putInt(1, UNKNOWN_SCHEMA_ID);
                yield value;
            }
            // Cut inside the Avro body: the header and its schema id are fine, the record ends too soon.
            case TRUNCATED_AVRO -> Arrays.copyOf(account, account.length / 2);
            // A valid Account where another type is expected; on the accounts topic, an Account whose body is a Job's
            // worth of garbage: the same schema id, bytes that do not decode as it.
            case WRONG_TYPE -> topic == Topics.ACCOUNTS ? garbageAfterHeader(account.length) : account.clone();
            case OVERSIZE -> garbageAfterHeader(OVERSIZE_BYTES);
        };
    }

    /** The valid header of an Account (magic byte and schema id), then bytes that are no Avro record. */
    private byte[] garbageAfterHeader(int length) {
        byte[] value = new byte[length];
        Arrays.fill(value, (byte) 0xFF);
        System.arraycopy(account, 0, value, 0, 1 + Integer.BYTES);
        return value;
    }

    @Override
    public void close() {
        producer.close();
    }
}
