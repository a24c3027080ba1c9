package dev.referrals.localstack;

import dev.referrals.localstack.kafka.KafkaBackend;
import dev.referrals.localstack.kafka.KafkaBrokerSettings;
import dev.referrals.localstack.mail.MailSinkSettings;
import dev.referrals.localstack.postgres.ExternalDatabase;
import dev.referrals.localstack.postgres.PostgresSettings;
import dev.referrals.schemas.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The ports and the state directory of the whole stack.
 *
 * <p>Two profiles: {@link #fromEnvironment()} is the developer's stack, on fixed ports with its state under
 * {@code .local/} so it survives restarts, each value overridable (see {@link Setting}); {@link #forTests()} is the
 * test stack, on free ports with temporary state, so tests never clash with a running developer stack or with each
 * other's JVMs.
 *
 * @param host                where every server listens; the stack is for this machine only
 * @param kafkaPort           the (first) broker's client port
 * @param kafkaControllerPort the (first) broker's KRaft controller port
 * @param kafkaBrokers        1, or 3 for a cluster; broker n listens on {@code kafkaPort + 2(n - 1)} and
 *                            {@code kafkaControllerPort + 2(n - 1)}, or on free ports where those are 0
 * @param registryPort        the schema registry's HTTP port
 * @param postgresPort        the embedded PostgreSQL port
 * @param smtpPort            the mail sink's SMTP port
 * @param imapPort            the mail sink's IMAP port
 * @param authPort            the OAuth2 authorization server's HTTP port
 * @param dataDir             the state directory; empty for temporary state deleted on close
 * @param kafkaBackend        the in-JVM broker, or Testcontainers
 * @param externalDatabase    a PostgreSQL server to use instead of the embedded one
 * @param deadLetterRetention the {@code retention.ms} of the dead-letter topics the stack creates
 */
public record LocalStackSettings(
        String host,
        int kafkaPort,
        int kafkaControllerPort,
        int kafkaBrokers,
        int registryPort,
        int postgresPort,
        int smtpPort,
        int imapPort,
        int authPort,
        Optional<Path> dataDir,
        KafkaBackend kafkaBackend,
        Optional<ExternalDatabase> externalDatabase,
        Duration deadLetterRetention) {

    public static final String DEFAULT_HOST = "localhost";
    /** Kafka's and Confluent's own ports, so clients configured for a usual local setup find the stack. */
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    /** Not 5432, 25 or 143: those belong to a PostgreSQL or a mail server the developer may have installed. */
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_SMTP_PORT = 3025;
    public static final int DEFAULT_IMAP_PORT = 3143;
    /** Spring Authorization Server's own sample port, free of the services' 808x and 908x. */
    public static final int DEFAULT_AUTH_PORT = 9000;
    /** Relative to the working directory, which is the repository root for the README's commands. */
    public static final Path DEFAULT_DATA_DIR = Path.of(".local");

    public static final int DEFAULT_KAFKA_BROKERS = KafkaBrokerSettings.SINGLE_BROKER;

    private static final String KAFKA_DIR = "kafka";
    /**
     * Not below {@code kafka/}: a single broker's log dir would take a node's directory there for a partition it
     * cannot parse. Apart, each cluster size keeps its own topics and a developer can switch back and forth.
     */
    private static final String KAFKA_CLUSTER_DIR = "kafka-cluster";
    private static final String POSTGRES_DIR = "postgres";
    private static final int MAX_PORT = 65_535;

    public LocalStackSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(kafkaBackend, "kafkaBackend");
        Objects.requireNonNull(externalDatabase, "externalDatabase");
        Objects.requireNonNull(deadLetterRetention, "deadLetterRetention");
        if (kafkaBrokers != KafkaBrokerSettings.SINGLE_BROKER && kafkaBrokers != KafkaBrokerSettings.CLUSTER_BROKERS) {
            throw notABrokerCount(String.valueOf(kafkaBrokers));
        }
    }

    /** The developer's stack: fixed ports and state under {@code .local/}, each overridable. */
    public static LocalStackSettings fromEnvironment() {
        return new LocalStackSettings(
                Setting.HOST.lookup().orElse(DEFAULT_HOST),
                port(Setting.KAFKA_PORT, DEFAULT_KAFKA_PORT),
                port(Setting.KAFKA_CONTROLLER_PORT, DEFAULT_KAFKA_CONTROLLER_PORT),
                Setting.KAFKA_BROKERS.lookup().map(LocalStackSettings::parseBrokers).orElse(DEFAULT_KAFKA_BROKERS),
                port(Setting.REGISTRY_PORT, DEFAULT_REGISTRY_PORT),
                port(Setting.POSTGRES_PORT, DEFAULT_POSTGRES_PORT),
                port(Setting.SMTP_PORT, DEFAULT_SMTP_PORT),
                port(Setting.IMAP_PORT, DEFAULT_IMAP_PORT),
                port(Setting.AUTH_PORT, DEFAULT_AUTH_PORT),
                Optional.of(Setting.DATA_DIR.lookup().map(Path::of).orElse(DEFAULT_DATA_DIR)),
                KafkaBackend.IN_JVM,
                ExternalDatabase.fromEnvironment(),
                Setting.DEAD_LETTER_RETENTION_MS.lookup()
                        .map(value -> Duration.ofMillis(parseMillis(Setting.DEAD_LETTER_RETENTION_MS, value)))
                        .orElse(Topic.DEFAULT_DEAD_LETTER_RETENTION));
    }

    /**
     * The test stack: free ports, temporary state, and the Kafka backend chosen by the Testcontainers switch. The
     * {@code referrals.local.*} settings are deliberately ignored, so a developer stack configured in the same shell
     * cannot make tests collide with it.
     */
    public static LocalStackSettings forTests() {
        return new LocalStackSettings(DEFAULT_HOST, LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT,
                DEFAULT_KAFKA_BROKERS, LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT,
                LocalPorts.ANY_FREE_PORT, LocalPorts.ANY_FREE_PORT, Optional.empty(), KafkaBackend.fromEnvironment(),
                ExternalDatabase.fromEnvironment(), Topic.DEFAULT_DEAD_LETTER_RETENTION);
    }

    public boolean isPersistent() {
        return dataDir.isPresent();
    }

    /**
     * The broker's settings; its log dir is {@code kafka/} under the state directory, if there is one, and a
     * cluster's is {@code kafka-cluster/}, with a {@code node-<id>} directory for each broker.
     */
    KafkaBrokerSettings kafkaBroker(Optional<Path> checkedDataDir) {
        String kafkaDir = kafkaBrokers == KafkaBrokerSettings.SINGLE_BROKER ? KAFKA_DIR : KAFKA_CLUSTER_DIR;
        return new KafkaBrokerSettings(host, kafkaBrokers, kafkaPort, kafkaControllerPort,
                checkedDataDir.map(dir -> dir.resolve(kafkaDir)));
    }

    /** PostgreSQL's settings; its data dir is {@code postgres/} under the state directory, if there is one. */
    PostgresSettings postgres(Optional<Path> checkedDataDir) {
        return new PostgresSettings(postgresPort, checkedDataDir.map(dir -> dir.resolve(POSTGRES_DIR)),
                externalDatabase);
    }

    MailSinkSettings mailSink() {
        return new MailSinkSettings(host, smtpPort, imapPort);
    }

    public LocalStackSettings withDataDir(Path newDataDir) {
        return new LocalStackSettings(host, kafkaPort, kafkaControllerPort, kafkaBrokers, registryPort, postgresPort,
                smtpPort, imapPort, authPort, Optional.of(newDataDir), kafkaBackend, externalDatabase,
                deadLetterRetention);
    }

    public LocalStackSettings withKafkaPort(int port) {
        return new LocalStackSettings(host, port, kafkaControllerPort, kafkaBrokers, registryPort, postgresPort,
                smtpPort, imapPort, authPort, dataDir, kafkaBackend, externalDatabase, deadLetterRetention);
    }

    /** @param brokers 1, or 3 for a cluster */
    public LocalStackSettings withKafkaBrokers(int brokers) {
        return new LocalStackSettings(host, kafkaPort, kafkaControllerPort, brokers, registryPort, postgresPort,
                smtpPort, imapPort, authPort, dataDir, kafkaBackend, externalDatabase, deadLetterRetention);
    }

    private static int port(Setting setting, int defaultPort) {
        return setting.lookup().map(value -> parsePort(setting, value)).orElse(defaultPort);
    }

    private static long parseMillis(Setting setting, String value) {
        try {
            long millis = Long.parseLong(value);
            if (millis > 0) {
                return millis;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the setting's name.
        }
        throw new LocalStackStartupException("'" + value + "' is not a duration in milliseconds; "
                + setting.howToChange() + " to a positive number of milliseconds");
    }

    private static int parseBrokers(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw notABrokerCount(value);
        }
    }

    /** Checked in the constructor, so a count passed in code fails as one from the environment does. */
    private static LocalStackStartupException notABrokerCount(String value) {
        return new LocalStackStartupException("'" + value + "' is not a number of Kafka brokers (1, or 3 for a"
                + " cluster); " + Setting.KAFKA_BROKERS.howToChange() + " to " + KafkaBrokerSettings.SINGLE_BROKER
                + " or " + KafkaBrokerSettings.CLUSTER_BROKERS);
    }

    private static int parsePort(Setting setting, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= LocalPorts.ANY_FREE_PORT && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the setting's name.
        }
        throw new LocalStackStartupException("'" + value + "' is not a port (0 to " + MAX_PORT + ", 0 for any free"
                + " port); " + setting.howToChange() + " to a port number");
    }
}
