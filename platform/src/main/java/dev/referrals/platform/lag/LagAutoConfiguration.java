package dev.referrals.platform.lag;

import dev.referrals.schemas.TopicNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/** The consumer lag monitor, its actuator endpoint, and its optional health contributor. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnProperty(prefix = "referrals.lag", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(LagProperties.class)
public class LagAutoConfiguration {

    @Bean
    public ConsumerLagMonitor consumerLagMonitor(KafkaProperties kafka, LagProperties properties,
                                                 MeterRegistry meters, ObjectProvider<TopicNamespace> namespace) {
        Map<String, Object> readerConfig = new HashMap<>(kafka.buildConsumerProperties());
        // Only reads one record's timestamp at a time, by assignment: no group, no commits.
        readerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        readerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        readerConfig.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        readerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        readerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "consumer-lag-monitor-" + UUID.randomUUID());
        LagSampler sampler = new LagSampler(Admin.create(kafka.buildAdminProperties()),
                new KafkaConsumer<>(readerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                watchedGroups(properties.groupPattern(), namespace.getIfAvailable(() -> TopicNamespace.NONE)),
                Clock.systemUTC());
        return new ConsumerLagMonitor(sampler, properties, meters);
    }

    /**
     * The groups of this namespace whose names, below the topic prefix, match the pattern: every service names its
     * groups under the prefix, so a namespace watches its own groups and none of another namespace on the cluster.
     */
    static Pattern watchedGroups(String pattern, TopicNamespace namespace) {
        String unanchored = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return Pattern.compile(Pattern.quote(namespace.prefix()) + "(?:" + unanchored + ")");
    }

    @Bean
    @ConditionalOnAvailableEndpoint
    public ConsumerLagEndpoint consumerLagEndpoint(ConsumerLagMonitor monitor) {
        return new ConsumerLagEndpoint(monitor);
    }

    @Bean(name = "consumerLagHealthIndicator")
    @ConditionalOnProperty(prefix = "referrals.lag.health", name = "enabled")
    @ConditionalOnBean(ConsumerLagMonitor.class)
    public ConsumerLagHealthIndicator consumerLagHealthIndicator(ConsumerLagMonitor monitor) {
        return new ConsumerLagHealthIndicator(monitor);
    }
}
