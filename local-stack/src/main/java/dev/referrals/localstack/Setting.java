package dev.referrals.localstack;

import java.util.Locale;
import java.util.Optional;

/**
 * Every knob of the local stack. Each one is read from the system property {@code referrals.local.<name>} first, then
 * from the environment variable {@code REFERRALS_LOCAL_<NAME>}, so the same names work on the command line, in an IDE
 * run configuration and in CI.
 */
public enum Setting {
    HOST("host"),
    KAFKA_PORT("kafka-port"),
    KAFKA_CONTROLLER_PORT("kafka-controller-port"),
    /** 1, or 3 for a KRaft cluster of three brokers, each further one on the next two ports up. */
    KAFKA_BROKERS("kafka-brokers"),
    REGISTRY_PORT("registry-port"),
    POSTGRES_PORT("postgres-port"),
    SMTP_PORT("smtp-port"),
    IMAP_PORT("imap-port"),
    AUTH_PORT("auth-port"),
    DATA_DIR("data-dir"),
    /** The {@code retention.ms} of the dead-letter topics the stack creates. */
    DEAD_LETTER_RETENTION_MS("dead-letter-retention-ms"),
    /** The local run's service and page ports (local-run), kept here so every local setting is in one list. */
    API_PORT("api-port"),
    PROCESSOR_PORT("processor-port"),
    WORKER_PORT("worker-port"),
    API_MANAGEMENT_PORT("api-management-port"),
    PROCESSOR_MANAGEMENT_PORT("processor-management-port"),
    WORKER_MANAGEMENT_PORT("worker-management-port"),
    MAIL_PAGE_PORT("mail-page-port");

    private static final String PROPERTY_PREFIX = "referrals.local.";
    private static final String ENVIRONMENT_PREFIX = "REFERRALS_LOCAL_";

    private final String name;

    Setting(String name) {
        this.name = name;
    }

    /** The short name, for example {@code kafka-port}. */
    public String settingName() {
        return name;
    }

    /** For example {@code referrals.local.kafka-port}. */
    public String systemProperty() {
        return PROPERTY_PREFIX + name;
    }

    /** For example {@code REFERRALS_LOCAL_KAFKA_PORT}. */
    public String environmentVariable() {
        return ENVIRONMENT_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** How to change this setting, as start-up failures print it: {@code set X or -Dy}. */
    public String howToChange() {
        return "set " + environmentVariable() + " or -D" + systemProperty();
    }

    /** The value from the system property, else the environment variable, if either is set and not blank. */
    public Optional<String> lookup() {
        return firstNonBlank(System.getProperty(systemProperty()), System.getenv(environmentVariable()));
    }

    static Optional<String> firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return Optional.of(first.trim());
        }
        if (second != null && !second.isBlank()) {
            return Optional.of(second.trim());
        }
        return Optional.empty();
    }
}
