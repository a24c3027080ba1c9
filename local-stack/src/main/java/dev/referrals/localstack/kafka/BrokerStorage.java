package dev.referrals.localstack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, and only once: a persistent directory
 * that is already formatted keeps its cluster id, its topics and its records.
 */
final class BrokerStorage {

    private static final Logger log = LoggerFactory.getLogger(BrokerStorage.class);

    /** Written by the formatter; its presence means the directory belongs to a cluster already. */
    private static final String META_PROPERTIES = "meta.properties";

    private BrokerStorage() {
    }

    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve(META_PROPERTIES));
    }

    /** Formats the log dir for a new cluster unless it holds one already. Returns whether it formatted. */
    static boolean formatIfNeeded(KafkaConfig config, Path logDir) throws Exception {
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
                    .setClusterId(Uuid.randomUuid().toString())
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
}
