package dev.referrals.localstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, and only once: a persistent directory
 * that is already formatted keeps its cluster id, its topics and its records.
 *
 * <p>Every node of a cluster is formatted with the same cluster id: a node whose id differs is refused by the others.
 */
final class BrokerStorage {

    private static final Logger log = LoggerFactory.getLogger(BrokerStorage.class);

    /** Written by the formatter; its presence means the directory belongs to a cluster already. */
    private static final String META_PROPERTIES = "meta.properties";
    private static final String CLUSTER_ID = "cluster.id";

    private BrokerStorage() {
    }

    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve(META_PROPERTIES));
    }

    /**
     * The id of the cluster these log dirs belong to: the one a formatted dir holds already, so that a node whose dir
     * was lost joins its old cluster again, else a new one.
     */
    static String clusterId(Collection<Path> logDirs) throws IOException {
        for (Path logDir : logDirs) {
            Optional<String> existing = formattedClusterId(logDir);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        return Uuid.randomUuid().toString();
    }

    /** Formats the log dir for the cluster unless it holds one already. Returns whether it formatted. */
    static boolean formatIfNeeded(KafkaConfig config, Path logDir, String clusterId) throws Exception {
        if (isFormatted(logDir)) {
            log.debug("Kafka log dir {} is formatted already; reusing it", logDir);
            return false;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // The same steps as kafka.tools.StorageTool's format command, for a node with a static quorum.
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setUnstableFeatureVersionsEnabled(config.unstableFeatureVersionsEnabled())
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setHasDynamicQuorum(false)
                    .addDirectory(logDir.toString())
                    .run();
        }
        log.debug("Formatted Kafka log dir {}: {}", logDir, output.toString(StandardCharsets.UTF_8).trim());
        return true;
    }

    private static Optional<String> formattedClusterId(Path logDir) throws IOException {
        if (!isFormatted(logDir)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (Reader reader = Files.newBufferedReader(logDir.resolve(META_PROPERTIES), StandardCharsets.UTF_8)) {
            meta.load(reader);
        }
        return Optional.ofNullable(meta.getProperty(CLUSTER_ID));
    }
}
