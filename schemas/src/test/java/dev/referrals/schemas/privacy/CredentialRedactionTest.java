package dev.referrals.schemas.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialRedactionTest {

    @Test
    void theUserInfoOfAUrlKeepsItsUserAndLosesItsPassword() {
        assertThat(CredentialRedaction.redact("registry at http://svc-referrals:s3cr@t@sr.example:8081/ is down"))
                .isEqualTo("registry at http://svc-referrals:****@sr.example:8081/ is down");
        assertThat(CredentialRedaction.redact("https://token-only@sr.example,https://a:b@sr2.example"))
                .isEqualTo("https://****@sr.example,https://a:****@sr2.example");
    }

    @Test
    void thePasswordParametersOfAJdbcUrlAreMasked() {
        assertThat(CredentialRedaction.redact(
                "jdbc:postgresql://db:5432/referrals?user=app&password=pa55&sslmode=verify-full&sslpassword=k"))
                .isEqualTo("jdbc:postgresql://db:5432/referrals?user=app&password=****&sslmode=verify-full"
                        + "&sslpassword=****");
    }

    @Test
    void textWithoutCredentialsIsUnchanged() {
        String plain = "Kafka is not reachable at localhost:9092; jdbc:postgresql://localhost:15432/referral_api";
        assertThat(CredentialRedaction.redact(plain)).isEqualTo(plain);
        assertThat(CredentialRedaction.redact("mail ana@example.com")).isEqualTo("mail ana@example.com");
        assertThat(CredentialRedaction.redact(null)).isNull();
    }
}
