package dev.referrals.platform.startup;

import dev.referrals.schemas.privacy.CredentialRedaction;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a start-up failure caused by an absent Kafka broker, PostgreSQL server or schema registry into one line
 * that says what is missing, where it was looked for, and what to start or set. Credentials in a URL it names (a
 * registry URL's user info, a JDBC password parameter) are masked.
 */
public class MissingDependencyFailureAnalyzer implements FailureAnalyzer {

    public static final String LOCAL_STACK_HINT = "start the local stack (./referrals-local --infra-only)";

    private final Environment environment;

    public MissingDependencyFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return describe(failure)
                .map(CredentialRedaction::redact)
                .map(line -> new FailureAnalysis(line, "Start what is named above, or point the setting at it.", failure))
                .orElse(null);
    }

    Optional<String> describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingDependencyException missing) {
                return Optional.of(missing.getMessage());
            }
            if (isKafkaUnreachable(cause)) {
                return Optional.of("Kafka is not reachable at %s: %s, or set SPRING_KAFKA_BOOTSTRAP_SERVERS."
                        .formatted(environment.getProperty("spring.kafka.bootstrap-servers"), LOCAL_STACK_HINT));
            }
            if (isPostgresUnreachable(cause)) {
                return Optional.of("PostgreSQL is not reachable at %s: %s, or set SPRING_DATASOURCE_URL."
                        .formatted(environment.getProperty("spring.datasource.url"), LOCAL_STACK_HINT));
            }
            if (isPostgresDatabaseMissing(cause)) {
                return Optional.of("PostgreSQL database of %s does not exist: create it, or set SPRING_DATASOURCE_URL."
                        .formatted(environment.getProperty("spring.datasource.url")));
            }
        }
        return Optional.empty();
    }

    /** Spring Kafka's admin, with {@code spring.kafka.admin.fail-fast}, gives up on the broker with these words. */
    private static boolean isKafkaUnreachable(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        boolean adminGaveUp = (message.startsWith("Could not configure topics")
                || message.startsWith("Could not obtain cluster info")
                || message.startsWith("Could not create admin"))
                && thrownBy(cause, "org.springframework.kafka.core.KafkaAdmin");
        return adminGaveUp || cause instanceof org.apache.kafka.common.errors.TimeoutException;
    }

    private static boolean isPostgresUnreachable(Throwable cause) {
        return cause instanceof ConnectException && thrownBy(cause, "org.postgresql");
    }

    private static boolean isPostgresDatabaseMissing(Throwable cause) {
        return cause.getClass().getName().equals("org.postgresql.util.PSQLException")
                && String.valueOf(cause.getMessage()).matches("(?s).*database \".*\" does not exist.*");
    }

    private static boolean thrownBy(Throwable cause, String classNamePrefix) {
        return Arrays.stream(cause.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(classNamePrefix));
    }
}
