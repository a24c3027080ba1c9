package dev.referrals.platform.kafka;

import dev.referrals.platform.failure.DependencyOutages;
import dev.referrals.platform.startup.SchemaRegistryStartupCheck;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The Kafka pieces every service shares: where the catalogue topics live ({@link TopicNamespace}), creating them,
 * and the dead-letter error handling.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(ReferralsKafkaProperties.class)
@Import(DeadLetterConfiguration.class)
public class KafkaPlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaPlatformAutoConfiguration.class);
    /** As long as the admin's own operations may take (spring.kafka.admin.operation-timeout in the defaults). */
    private static final Duration CLUSTER_LOOKUP_TIMEOUT = Duration.ofSeconds(10);

    /** Listeners name their topics through this bean, for example {@code #{@topicNamespace.name(...)}}. */
    @Bean
    @ConditionalOnMissingBean
    public TopicNamespace topicNamespace(ReferralsKafkaProperties properties) {
        return TopicNamespace.of(properties.topicPrefix());
    }

    /**
     * What every listener container of every service does differently from Spring Kafka's defaults (Boot has no
     * property for either):
     *
     * <ul>
     *   <li>Listener metrics come from observations only. Spring Kafka times a batch listener with timers of the same
     *   name ({@code spring.kafka.listener}) but other tag keys, which Prometheus refuses; a batch listener times its
     *   own work instead.</li>
     *   <li>{@code fixTxOffsets}: once a poll returns nothing, the container commits its position, which is past the
     *   transaction markers the producer left after the last record. Without it the group stays one offset behind the
     *   log end on every partition written in a transaction, and that looks like lag.</li>
     *   <li>The consumer group is the listener's id under the topic prefix ({@link ListenerGroups}).</li>
     *   <li>A processed record tells {@link DependencyOutages} that what its topic waited for answers again
     *   ({@link OutageEnds}).</li>
     * </ul>
     */
    @Bean
    @ConditionalOnMissingBean(ContainerCustomizer.class)
    public ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
            listenerContainers(TopicNamespace namespace, DependencyOutages outages) {
        return container -> {
            container.getContainerProperties().setMicrometerEnabled(false);
            container.getContainerProperties().setFixTxOffsets(true);
            ListenerGroups.name(container, namespace);
            OutageEnds.watch(container, outages);
        };
    }

    /** Checked at start-up, so that a missing registry is one clear line and not a failure on the first record. */
    @Bean
    @ConditionalOnProperty(prefix = "referrals.startup-checks", name = "schema-registry", matchIfMissing = true)
    public SchemaRegistryStartupCheck schemaRegistryStartupCheck(KafkaProperties kafkaProperties) {
        return new SchemaRegistryStartupCheck(kafkaProperties.buildProducerProperties());
    }

    /**
     * Every catalogue topic and its dead-letter topic, with the catalogue's partitions and cleanup policy, and the
     * configured replication ({@code referrals.kafka.replication.*}: 3 replicas, {@code min.insync.replicas=2}),
     * reduced with a warning on a smaller cluster ({@link TopicReplication}). A dead-letter topic has as many
     * partitions as its source, because Spring Kafka publishes a dead letter to the partition number it came from,
     * and a retention of its own ({@code referrals.kafka.dead-letter-retention}). Topics that exist already are left
     * as they are.
     */
    @Bean
    @ConditionalOnProperty(prefix = "referrals.kafka", name = "create-topics", matchIfMissing = true)
    public KafkaAdmin.NewTopics catalogueTopics(TopicNamespace namespace, ReferralsKafkaProperties properties,
                                                KafkaAdmin kafkaAdmin) {
        TopicReplication replication = replicationOn(kafkaAdmin, properties.replication());
        Map<String, String> replicated = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                String.valueOf(replication.minInsyncReplicas()));
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            topics.add(TopicBuilder.name(namespace.name(topic))
                    .partitions(topic.partitions())
                    .replicas(replication.factor())
                    .config(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy().configValue())
                    .configs(replicated)
                    .build());
            topics.add(TopicBuilder.name(namespace.deadLetterTopic(topic))
                    .partitions(topic.partitions())
                    .replicas(replication.factor())
                    .configs(Topic.deadLetterConfigs(properties.deadLetterRetention()))
                    .configs(replicated)
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * The replication the cluster allows. An unreachable broker is reported by the admin's fail-fast topic creation
     * right after, in one line; until then the configured replication stands.
     */
    private static TopicReplication replicationOn(KafkaAdmin kafkaAdmin,
                                                  ReferralsKafkaProperties.Replication wanted) {
        int brokers;
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            brokers = admin.describeCluster().nodes().get(CLUSTER_LOOKUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
        } catch (ExecutionException | TimeoutException | RuntimeException unreachable) {
            log.debug("Cluster size unknown ({}); topics get the configured replication", unreachable.toString());
            return TopicReplication.forCluster(wanted.factor(), wanted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TopicReplication.forCluster(wanted.factor(), wanted);
        }
        TopicReplication replication = TopicReplication.forCluster(brokers, wanted);
        if (replication.reduced()) {
            log.warn(replication.warning(brokers, wanted));
        }
        return replication;
    }
}
