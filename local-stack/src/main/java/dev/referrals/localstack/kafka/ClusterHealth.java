package dev.referrals.localstack.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the cluster, as a client would, whether it is ready: which brokers it counts, and whether every partition has
 * all its replicas in sync. The cluster is ready for clients only once it says so, not once the servers have started.
 */
final class ClusterHealth {

    private static final Logger log = LoggerFactory.getLogger(ClusterHealth.class);

    /** Each probe is short, so a slow first answer does not use up the whole wait. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PROBE_PAUSE = Duration.ofMillis(100);

    private final String bootstrapServers;

    ClusterHealth(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Waits until the cluster counts every one of these brokers as alive. */
    void awaitBrokers(Set<Integer> nodeIds, Duration timeout) throws InterruptedException, TimeoutException {
        await("brokers " + nodeIds + " in the cluster", timeout, admin -> admin.describeCluster().nodes()
                .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                .map(Node::id).collect(Collectors.toSet()).containsAll(nodeIds));
    }

    /** Waits until no partition, the internal ones included, has a replica out of sync. */
    void awaitFullyReplicated(Duration timeout) throws InterruptedException, TimeoutException {
        await("every partition fully replicated", timeout, admin -> underReplicated(admin).isEmpty());
    }

    /** The partitions, as {@code topic-partition}, whose in-sync replicas are fewer than their replicas. */
    Set<String> underReplicated() throws InterruptedException, ExecutionException, TimeoutException {
        try (Admin admin = admin()) {
            return underReplicated(admin);
        }
    }

    private static Set<String> underReplicated(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return descriptions.values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .filter(ClusterHealth::isUnderReplicated)
                        .map(partition -> topic.name() + "-" + partition.partition()))
                .collect(Collectors.toSet());
    }

    private static boolean isUnderReplicated(TopicPartitionInfo partition) {
        return partition.isr().size() < partition.replicas().size();
    }

    private void await(String what, Duration timeout, Probe probe) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                try {
                    if (probe.passes(admin)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    log.debug("Kafka at {}: waiting for {}: {}", bootstrapServers, what, notYet.toString());
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("no " + what + " within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(PROBE_PAUSE.toMillis());
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis()));
    }

    @FunctionalInterface
    private interface Probe {
        boolean passes(Admin admin) throws InterruptedException, ExecutionException, TimeoutException;
    }
}
