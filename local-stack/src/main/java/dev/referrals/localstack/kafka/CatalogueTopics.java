package dev.referrals.localstack.kafka;

import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates every topic of the catalogue under a namespace, each with its partitions and cleanup policy, plus its
 * dead-letter topic: what a deployment's topic provisioning does, and what each test gets on the shared broker.
 *
 * <p>Each topic has as many replicas as {@link Replication#forBrokers} gives the cluster: three with
 * {@code min.insync.replicas=2} on three brokers, so {@code acks=all} means what it means in production; one on one.
 */
public final class CatalogueTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

    private final String bootstrapServers;
    private final Duration deadLetterRetention;
    private final Replication replication;

    /**
     * @param deadLetterRetention the {@code retention.ms} of every dead-letter topic
     * @param brokers             how many brokers the cluster has
     */
    public CatalogueTopics(String bootstrapServers, Duration deadLetterRetention, int brokers) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetterRetention = deadLetterRetention;
        this.replication = Replication.forBrokers(brokers);
    }

    /** The topics a namespace holds: each catalogue topic and its dead-letter topic. */
    public static List<NewTopic> topicsOf(TopicNamespace namespace, Duration deadLetterRetention,
            Replication replication) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            topics.add(new NewTopic(namespace.name(topic), topic.partitions(), replication.factor())
                    .configs(withMinInSync(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                            topic.cleanupPolicy().configValue()), replication)));
            // Spring Kafka's recoverer sends a failed record to the same partition number of the DLT, so the DLT
            // needs as many partitions.
            topics.add(new NewTopic(namespace.deadLetterTopic(topic), topic.partitions(), replication.factor())
                    .configs(withMinInSync(Topic.deadLetterConfigs(deadLetterRetention), replication)));
        }
        return topics;
    }

    /** Set on the topic, as production's provisioning does, so it holds whatever the broker's default is. */
    private static Map<String, String> withMinInSync(Map<String, String> configs, Replication replication) {
        Map<String, String> all = new HashMap<>(configs);
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(replication.minInSyncReplicas()));
        return all;
    }

    /**
     * Creates the namespace's topics; topics that exist already are left as they are, so a persistent stack can run
     * this on every start. Returns once every partition has a leader, so producers and consumers can start at once.
     */
    public void create(TopicNamespace namespace) {
        List<NewTopic> topics = topicsOf(namespace, deadLetterRetention, replication);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + result.getKey(), e.getCause());
                    }
                }
            }
            awaitLeaders(admin, topics.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the topics of " + namespace, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not create the topics of "
                    + namespace + " within " + TIMEOUT.toSeconds() + " s", e);
        }
    }

    private static void awaitLeaders(Admin admin, Collection<String> names)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> descriptions =
                        admin.describeTopics(names).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                boolean ready = descriptions.values().stream()
                        .flatMap(description -> description.partitions().stream())
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Cannot describe topics " + names, e.getCause());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Partitions of " + names + " have no leader yet");
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }
}
