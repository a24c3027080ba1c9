package dev.referrals.api.decline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.idempotency.RequestFingerprint;
import org.junit.jupiter.api.Test;

/** The ids of a decline, random without an Idempotency-Key and derived from it with one. */
class DeclineIdsTest {

    @Test
    void theSameKeyAndRequestAlwaysGiveTheSameIds() {
        assertThat(DeclineIds.derived("key-1", "fingerprint", true))
                .isEqualTo(DeclineIds.derived("key-1", "fingerprint", true));
    }

    @Test
    void anotherKeyOrAnotherRequestGivesOtherIds() {
        DeclineIds ids = DeclineIds.derived("key-1", "fingerprint", true);

        assertThat(DeclineIds.derived("key-2", "fingerprint", true).eventId()).isNotEqualTo(ids.eventId());
        assertThat(DeclineIds.derived("key-1", "other", true).requestId()).isNotEqualTo(ids.requestId());
        assertThat(ids.eventId()).isNotEqualTo(ids.requestId());
    }

    @Test
    void withoutAReferralThereIsNoRequestId() {
        assertThat(DeclineIds.derived("key-1", "fingerprint", false).requestId()).isNull();
        assertThat(DeclineIds.random(false).requestId()).isNull();
        assertThat(DeclineIds.random(true).requestId()).isNotNull();
    }

    @Test
    void theFingerprintCoversMethodPathAndBody() {
        String fingerprint = RequestFingerprint.of("POST", "/a", "{}");

        assertThat(RequestFingerprint.of("POST", "/a", "{}")).isEqualTo(fingerprint).hasSize(64);
        assertThat(RequestFingerprint.of("PUT", "/a", "{}")).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST", "/b", "{}")).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprint.of("POST", "/a", "{\"x\":1}")).isNotEqualTo(fingerprint);
    }
}
