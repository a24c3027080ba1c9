package dev.referrals.localstack.registry;

import dev.referrals.schemas.registry.CompatibilityLevel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineSettingsTest {

    @Test
    void withoutOptionsTheRegistryRunsLikeConfluentsOnPort8081() {
        SchemaRegistrySettings settings = CommandLineSettings.parse(new String[0], Map.of());

        assertThat(settings).isEqualTo(new SchemaRegistrySettings("127.0.0.1", 8081, "localhost:9092", "_schemas",
                CompatibilityLevel.BACKWARD, Duration.ofSeconds(10)));
    }

    @Test
    void argumentsWinOverTheEnvironmentWhichWinsOverDefaults() {
        SchemaRegistrySettings settings = CommandLineSettings.parse(
                new String[] {"--port=18081", "--compatibility=full_transitive"},
                Map.of("SCHEMA_REGISTRY_PORT", "28081", "SCHEMA_REGISTRY_BOOTSTRAP_SERVERS", "kafka:29092"));

        assertThat(settings.port()).isEqualTo(18081);
        assertThat(settings.bootstrapServers()).isEqualTo("kafka:29092");
        assertThat(settings.defaultCompatibility()).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    }

    @Test
    void anUnknownOptionOrABadValueIsNamed() {
        assertThatThrownBy(() -> CommandLineSettings.parse(new String[] {"--prot=1"}, Map.of()))
                .hasMessageContaining("prot");
        assertThatThrownBy(() -> CommandLineSettings.parse(new String[] {"--port=http"}, Map.of()))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> CommandLineSettings.parse(new String[] {"--compatibility=SIDEWAYS"}, Map.of()))
                .hasMessageContaining("SIDEWAYS");
    }
}
