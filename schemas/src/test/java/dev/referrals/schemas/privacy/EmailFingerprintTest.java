package dev.referrals.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailFingerprintTest {

    /** {@code printf 'ana@example.com' | sha256sum} */
    private static final String SHA256_OF_ANA = "8e43ca37701228e74983efdbd0cff5c16b3b1e5d4e29a7c05626d4d25a018e11";

    @Test
    void theFingerprintIsTheHexSha256OfTheAddressAndDoesNotShowIt() {
        String fingerprint = EmailFingerprint.of("ana@example.com");

        assertThat(fingerprint).isEqualTo("sha256:" + SHA256_OF_ANA).doesNotContain("ana");
        assertThat(EmailFingerprint.isFingerprint(fingerprint)).isTrue();
    }

    @Test
    void theSameAddressInAnotherCaseOrWithSpacesHasTheSameFingerprint() {
        assertThat(EmailFingerprint.of("  Ana@Example.COM ")).isEqualTo("sha256:" + SHA256_OF_ANA);
    }

    @Test
    void differentAddressesHaveDifferentFingerprints() {
        assertThat(EmailFingerprint.of("ana@example.com")).isNotEqualTo(EmailFingerprint.of("ben@example.com"));
    }

    @Test
    void aProfileUrlIsNotAFingerprint() {
        assertThat(EmailFingerprint.isFingerprint("https://marketplace.example/freelancers/ana")).isFalse();
    }
}
