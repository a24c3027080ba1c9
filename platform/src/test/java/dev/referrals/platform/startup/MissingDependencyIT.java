package dev.referrals.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.platform.privacy.EmailFingerprintConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

/**
 * A service whose broker or registry is not there stops at start-up, and Spring Boot's failure report describes
 * it in one line saying what to start and which setting points at it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingDependencyIT {

    /** Nothing listens on port 1 of localhost. */
    private static final String NOTHING_LISTENS = "localhost:1";

    @Test
    void anAbsentBrokerStopsStartUpWithOneLineNamingTheBootstrapServersAndTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                "--spring.kafka.bootstrap-servers=" + NOTHING_LISTENS,
                "--spring.kafka.admin.operation-timeout=2s",
                "--spring.kafka.admin.properties.default.api.timeout.ms=2000",
                "--spring.kafka.admin.properties.request.timeout.ms=1000",
                "--referrals.startup-checks.schema-registry=false"));

        assertThat(output.getOut()).contains("Kafka is not reachable at " + NOTHING_LISTENS + ": "
                + MissingDependencyFailureAnalyzer.LOCAL_STACK_HINT + ", or set SPRING_KAFKA_BOOTSTRAP_SERVERS."
                + System.lineSeparator());
    }

    @Test
    void anAbsentRegistryStopsStartUpWithOneLineNamingTheUrlAndTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                "--spring.kafka.properties.schema.registry.url=http://" + NOTHING_LISTENS,
                "--spring.kafka.properties.max.retries=0",
                "--referrals.kafka.create-topics=false"));

        assertThat(output.getOut().lines())
                .anySatisfy(line -> assertThat(line)
                        .startsWith("Schema registry is not reachable at http://" + NOTHING_LISTENS)
                        .endsWith(MissingDependencyFailureAnalyzer.LOCAL_STACK_HINT
                                + ", or set SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL."));
    }

    @Test
    void theStartUpLineAndTheWholeReportShowNoCredentialOfTheRegistryUrl(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                "--spring.kafka.properties.schema.registry.url=http://svc:hunter2@" + NOTHING_LISTENS,
                "--spring.kafka.properties.schema.registry.allow.credentials.over.http=true",
                "--spring.kafka.properties.max.retries=0",
                "--referrals.kafka.create-topics=false"));

        assertThat(output.getOut()).contains("Schema registry is not reachable at http://svc:****@" + NOTHING_LISTENS)
                .doesNotContain("hunter2");
        assertThat(output.getErr()).doesNotContain("hunter2");
    }

    @Test
    void credentialsForAnHttpRegistryStopStartUpWithOneLineUnlessAllowed(CapturedOutput output) {
        assertThatThrownBy(() -> start(
                "--spring.kafka.properties.schema.registry.url=http://svc:hunter2@" + NOTHING_LISTENS,
                "--referrals.kafka.create-topics=false"));

        assertThat(output.getOut().lines())
                .anySatisfy(line -> assertThat(line).startsWith("Schema registry client is misconfigured: ")
                        .contains("plain http").contains("schema.registry.allow.credentials.over.http"));
        assertThat(output.getOut()).doesNotContain("hunter2");
    }

    @Test
    void aServiceThatFingerprintsEmailsDoesNotStartWithoutKeysAndSaysInOneLineWhatToSet(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(FingerprintingService.class)
                .web(WebApplicationType.NONE)
                .run("--referrals.startup-checks.schema-registry=false", "--referrals.kafka.create-topics=false"));

        assertThat(output.getOut().lines())
                .anySatisfy(line -> assertThat(line).startsWith("Email fingerprint keys: no email fingerprint key")
                        .contains("referrals.privacy.email-fingerprint.current-key")
                        .contains("REFERRALS_PRIVACY_EMAILFINGERPRINT_KEYS_<ID>"));
    }

    private static void start(String... args) {
        new SpringApplicationBuilder(EmptyService.class).web(WebApplicationType.NONE).run(args);
    }

    @SpringBootApplication
    static class EmptyService {
    }

    /** Not a {@code @Configuration}, so that the component scan of {@link EmptyService} does not pick it up. */
    @EnableAutoConfiguration
    @Import(EmailFingerprintConfiguration.class)
    static class FingerprintingService {
    }
}
