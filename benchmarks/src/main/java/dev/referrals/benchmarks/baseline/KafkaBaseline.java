package dev.referrals.benchmarks.baseline;

import dev.referrals.benchmarks.load.LatencySummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own tools on the same broker, with records of the pipeline's size: ProducerPerformance ({@code acks=all},
 * as every producer of the pipeline) at full speed and at a fixed rate for its latency, and ConsumerPerformance
 * reading what was produced. They show what the broker and the client library give on this machine with no
 * application around them.
 */
public final class KafkaBaseline {

    private static final String PRODUCER = "org.apache.kafka.tools.ProducerPerformance";
    private static final String CONSUMER = "org.apache.kafka.tools.ConsumerPerformance";
    private static final List<String> TOOL_JVM = List.of("-Xmx512m");
    private static final short ONE_REPLICA = 1;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String FULL_SPEED = "-1";
    /** {@code 500000 records sent, 98765.4 records/sec (...), 12.3 ms avg latency, 456.0 ms max latency, 10 ms 50th, 30 ms 95th, 40 ms 99th, 50 ms 99.9th.} */
    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec .*?, ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, "
                    + "(\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");
    /** {@code start.time, end.time, MB, MB.sec, nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec} */
    private static final int CONSUMED_PER_SECOND_COLUMN = 9;
    private static final Pattern FIGURES_LINE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} ");

    /**
     * @param recordsPerSecond the producer's throughput
     * @param latency          its send-to-acknowledgement latency
     */
    public record ProducerFigures(double recordsPerSecond, LatencySummary latency) {
    }

    private final JavaProcess tools;
    private final String bootstrapServers;
    private final int partitions;

    public KafkaBaseline(JavaProcess tools, String bootstrapServers, int partitions) {
        this.tools = tools;
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
    }

    public void createTopic(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, ONE_REPLICA))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + topic, e.getCause());
        }
    }

    /** ProducerPerformance; {@code throughput} records per second, or negative for as fast as it goes. */
    public ProducerFigures produce(String topic, int records, int recordSize, int throughput) {
        List<String> lines = tools.run("kafka-producer-" + topic + "-" + throughput, TOOL_JVM, PRODUCER, List.of(
                "--topic", topic, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", throughput < 0 ? FULL_SPEED : String.valueOf(throughput),
                "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all"), TIMEOUT);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher summary = PRODUCER_SUMMARY.matcher(lines.get(i));
            if (summary.find()) {
                return new ProducerFigures(Double.parseDouble(summary.group(2)), new LatencySummary(
                        Long.parseLong(summary.group(1)), Double.parseDouble(summary.group(5)),
                        Double.parseDouble(summary.group(6)), Double.parseDouble(summary.group(7)),
                        Double.parseDouble(summary.group(4)), Double.parseDouble(summary.group(3))));
            }
        }
        throw new IllegalStateException("ProducerPerformance printed no summary: " + lines);
    }

    /** ConsumerPerformance over {@code records} records: records per second while fetching (without the group join). */
    public double consume(String topic, int records) {
        List<String> lines = tools.run("kafka-consumer-" + topic, TOOL_JVM, CONSUMER, List.of(
                "--bootstrap-server", bootstrapServers, "--topic", topic, "--messages", String.valueOf(records),
                "--timeout", String.valueOf(TIMEOUT.toMillis()), "--hide-header"), TIMEOUT);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] columns = lines.get(i).split(",\\s*");
            if (columns.length > CONSUMED_PER_SECOND_COLUMN && FIGURES_LINE.matcher(lines.get(i)).lookingAt()) {
                return Double.parseDouble(columns[CONSUMED_PER_SECOND_COLUMN].trim());
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no figures: " + lines);
    }
}
