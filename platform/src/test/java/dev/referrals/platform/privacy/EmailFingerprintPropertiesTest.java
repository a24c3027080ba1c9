package dev.referrals.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.referrals.platform.startup.MissingDependencyException;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class EmailFingerprintPropertiesTest {

    private static final String SECRET = "an-environment-secret-of-at-least-32-characters";

    @Test
    void theKeysBindFromEnvironmentVariablesAsDocumented() {
        EmailFingerprintKeys keys = bind(Map.of(
                "REFERRALS_PRIVACY_EMAILFINGERPRINT_CURRENTKEY", "k2",
                "REFERRALS_PRIVACY_EMAILFINGERPRINT_KEYS_K1", SECRET,
                "REFERRALS_PRIVACY_EMAILFINGERPRINT_KEYS_K2", SECRET + "-2")).toKeys();

        assertThat(keys.currentKeyId()).isEqualTo("k2");
        assertThat(keys.keyIds()).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void withoutKeysTheServiceFailsWithOneLineNamingTheSettingsAndNoSecret() {
        assertThatThrownBy(() -> bind(Map.of()).toKeys())
                .isInstanceOf(MissingDependencyException.class)
                .hasMessageContaining("referrals.privacy.email-fingerprint.current-key")
                .hasMessageContaining("REFERRALS_PRIVACY_EMAILFINGERPRINT_KEYS_<ID>")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> bind(Map.of("REFERRALS_PRIVACY_EMAILFINGERPRINT_CURRENTKEY", "k1",
                "REFERRALS_PRIVACY_EMAILFINGERPRINT_KEYS_K1", "too-short")).toKeys())
                .hasMessageContaining("at least 32 characters").hasMessageNotContaining("too-short");
        assertThat(bind(Map.of("REFERRALS_PRIVACY_EMAILFINGERPRINT_CURRENTKEY", "k1",
                "REFERRALS_PRIVACY_EMAILFINGERPRINT_KEYS_K1", SECRET)).toString()).doesNotContain(SECRET);
    }

    private static EmailFingerprintProperties bind(Map<String, Object> environment) {
        SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        return new Binder(ConfigurationPropertySources.from(source))
                .bindOrCreate(EmailFingerprintProperties.PREFIX, EmailFingerprintProperties.class);
    }
}
