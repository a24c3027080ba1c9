package dev.referrals.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.schemas.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalStackSettingsTest {

    @AfterEach
    void clearOverrides() {
        for (Setting setting : Setting.values()) {
            System.clearProperty(setting.systemProperty());
        }
    }

    @Test
    void developerStackDefaultsAvoidPortsOfLocallyInstalledServers() {
        LocalStackSettings settings = LocalStackSettings.fromEnvironment();

        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
        assertThat(settings.registryPort()).isEqualTo(8081);
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.smtpPort()).isEqualTo(3025);
        assertThat(settings.imapPort()).isEqualTo(3143);
        assertThat(settings.dataDir()).contains(Path.of(".local"));
    }

    @Test
    void systemPropertyOverridesADefault() {
        System.setProperty("referrals.local.kafka-port", "19092");
        System.setProperty("referrals.local.data-dir", "/var/tmp/referrals");

        LocalStackSettings settings = LocalStackSettings.fromEnvironment();

        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.dataDir()).contains(Path.of("/var/tmp/referrals"));
    }

    @Test
    void deadLetterTopicsKeepTwoWeeksUnlessTheDeveloperSetsTheirRetention() {
        assertThat(LocalStackSettings.fromEnvironment().deadLetterRetention())
                .isEqualTo(Topic.DEFAULT_DEAD_LETTER_RETENTION).isEqualTo(Duration.ofDays(14));
        assertThat(LocalStackSettings.forTests().deadLetterRetention()).isEqualTo(Topic.DEFAULT_DEAD_LETTER_RETENTION);

        System.setProperty("referrals.local.dead-letter-retention-ms", "3600000");

        assertThat(LocalStackSettings.fromEnvironment().deadLetterRetention()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDeadLetterRetentionThatIsNotAPositiveNumberFailsWithOneLineNamingTheSetting() {
        System.setProperty("referrals.local.dead-letter-retention-ms", "14d");

        assertThatThrownBy(LocalStackSettings::fromEnvironment)
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("'14d' is not a duration in milliseconds; set REFERRALS_LOCAL_DEAD_LETTER_RETENTION_MS or "
                        + "-Dreferrals.local.dead-letter-retention-ms to a positive number of milliseconds");
    }

    @Test
    void settingNamesFollowOneScheme() {
        assertThat(Setting.KAFKA_CONTROLLER_PORT.systemProperty()).isEqualTo("referrals.local.kafka-controller-port");
        assertThat(Setting.KAFKA_CONTROLLER_PORT.environmentVariable()).isEqualTo("REFERRALS_LOCAL_KAFKA_CONTROLLER_PORT");
    }

    @Test
    void portThatIsNotANumberFailsWithOneLineNamingTheSetting() {
        System.setProperty("referrals.local.postgres-port", "fifteen");

        assertThatThrownBy(LocalStackSettings::fromEnvironment)
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("'fifteen' is not a port (0 to 65535, 0 for any free port); set "
                        + "REFERRALS_LOCAL_POSTGRES_PORT or -Dreferrals.local.postgres-port to a port number");
    }

    @Test
    void oneKafkaBrokerUnlessTheDeveloperAsksForACluster() {
        assertThat(LocalStackSettings.fromEnvironment().kafkaBrokers()).isEqualTo(1);

        System.setProperty("referrals.local.kafka-brokers", "3");

        assertThat(LocalStackSettings.fromEnvironment().kafkaBrokers()).isEqualTo(3);
        assertThat(LocalStackSettings.forTests().kafkaBrokers()).as("tests ask with @LocalStackTest").isEqualTo(1);
        assertThat(LocalStackSettings.forTests().withKafkaBrokers(3).kafkaBrokers()).isEqualTo(3);
    }

    @Test
    void aClusterKeepsItsLogsApartFromTheSingleBrokersSoExistingStateDirsStillStart() {
        Path dataDir = Path.of("/var/tmp/referrals");

        assertThat(LocalStackSettings.fromEnvironment().kafkaBroker(Optional.of(dataDir)).logDir())
                .contains(dataDir.resolve("kafka"));
        assertThat(LocalStackSettings.fromEnvironment().withKafkaBrokers(3).kafkaBroker(Optional.of(dataDir)).logDir())
                .contains(dataDir.resolve("kafka-cluster"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "0", "-1", "5", "three"})
    void aBrokerCountOtherThanOneOrThreeFailsWithOneLineNamingTheSetting(String count) {
        System.setProperty("referrals.local.kafka-brokers", count);

        assertThatThrownBy(LocalStackSettings::fromEnvironment)
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessage("'" + count + "' is not a number of Kafka brokers (1, or 3 for a cluster); set "
                        + "REFERRALS_LOCAL_KAFKA_BROKERS or -Dreferrals.local.kafka-brokers to 1 or 3");
    }

    @Test
    void aBrokerCountPassedInCodeIsCheckedAsOneFromTheEnvironment() {
        assertThatThrownBy(() -> LocalStackSettings.forTests().withKafkaBrokers(2))
                .isInstanceOf(LocalStackStartupException.class)
                .hasMessageStartingWith("'2' is not a number of Kafka brokers");
    }

    @Test
    void testStackIgnoresDeveloperOverridesAndUsesFreePortsAndTemporaryState() {
        System.setProperty("referrals.local.kafka-port", "19092");

        LocalStackSettings settings = LocalStackSettings.forTests();

        assertThat(settings.kafkaPort()).isEqualTo(LocalPorts.ANY_FREE_PORT);
        assertThat(settings.dataDir()).isEmpty();
    }
}
