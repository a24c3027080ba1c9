package dev.referrals.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

class ReferralApiApplicationHealthIT extends ApiIntegrationTest {

    @Test
    void startsAgainstTheLocalStackAndReportsHealthUp() {
        ApiClient.Answer health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
