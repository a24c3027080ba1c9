package dev.referrals.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailFingerprintKeysTest {

    private static final String SECRET = "test-secret-of-at-least-32-characters";
    private static final String OTHER_SECRET = "another-secret-of-at-least-32-characters";

    /** {@code printf 'ana@example.com' | openssl dgst -sha256 -hmac 'test-secret-of-at-least-32-characters'} */
    private static final String HMAC_OF_ANA = "3d5ced7404ddb3a5ae511fbc6f20adb14c2a0778efc9997f731070ec59903929";

    private final EmailFingerprintKeys keys = new EmailFingerprintKeys("k2", Map.of("k1", OTHER_SECRET, "k2", SECRET));

    @Test
    void theFingerprintIsTheHexHmacSha256OfTheAddressUnderTheCurrentKeyAndNamesThatKey() {
        EmailFingerprint fingerprint = keys.current("ana@example.com");

        assertThat(fingerprint).isEqualTo(new EmailFingerprint("k2", "hmac-sha256:" + HMAC_OF_ANA));
        assertThat(fingerprint.value()).doesNotContain("ana");
        assertThat(EmailFingerprint.isFingerprint(fingerprint.value())).isTrue();
    }

    @Test
    void aPlainHashOfACandidateAddressDoesNotMatchTheFingerprint() throws Exception {
        String plainSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("ana@example.com".getBytes(StandardCharsets.UTF_8)));

        assertThat(keys.current("ana@example.com").value()).doesNotContain(plainSha256);
    }

    @Test
    void theSameAddressInAnotherCaseOrWithSpacesHasTheSameFingerprint() {
        assertThat(keys.current("  Ana@Example.COM ")).isEqualTo(keys.current("ana@example.com"));
    }

    @Test
    void differentAddressesAndDifferentKeysGiveDifferentFingerprints() {
        assertThat(keys.current("ana@example.com")).isNotEqualTo(keys.current("ben@example.com"));
        assertThat(keys.under("k1", "ana@example.com").orElseThrow().value())
                .isNotEqualTo(keys.current("ana@example.com").value());
    }

    @Test
    void anOlderKeyStillGivesItsFingerprintAndAnUnknownKeyNone() {
        EmailFingerprintKeys older = new EmailFingerprintKeys("k1", Map.of("k1", OTHER_SECRET));

        assertThat(keys.under("k1", "ana@example.com")).contains(older.current("ana@example.com"));
        assertThat(keys.under("k9", "ana@example.com")).isEmpty();
        assertThat(keys.under(null, "ana@example.com")).isEmpty();
    }

    @Test
    void aProfileUrlIsNotAFingerprint() {
        assertThat(EmailFingerprint.isFingerprint("https://marketplace.example/freelancers/ana")).isFalse();
    }

    @Test
    void aMissingShortOrUnknownCurrentKeyIsRefusedWithoutShowingASecret() {
        assertThatThrownBy(() -> new EmailFingerprintKeys("k1", Map.of()))
                .hasMessageContaining("no email fingerprint key");
        assertThatThrownBy(() -> new EmailFingerprintKeys("k1", Map.of("k1", "short-secret")))
                .hasMessageContaining("at least 32 characters").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> new EmailFingerprintKeys("k3", Map.of("k1", SECRET)))
                .hasMessageContaining("'k3'").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> new EmailFingerprintKeys("K_1", Map.of("K_1", SECRET)))
                .hasMessageContaining("[a-z0-9]+");
        assertThat(keys.toString()).doesNotContain(SECRET).doesNotContain(OTHER_SECRET);
    }
}
