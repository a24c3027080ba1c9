package dev.referrals.processor.decision;

import static dev.referrals.processor.decision.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.schemas.privacy.EmailFingerprint;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefereeNameTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static final EmailFingerprintKeys KEYS =
            new EmailFingerprintKeys("k1", Map.of("k1", "a-test-secret-of-at-least-32-characters"));

    @Test
    void anEmailIsMatchedByItsFingerprintUnderTheKeyTheRequestNames() {
        EmailFingerprint typedByTheReferrer = KEYS.current("  Ben.Okafor@Example.TEST ");

        assertThat(RefereeName.of(byEmail(typedByTheReferrer.value(), typedByTheReferrer.keyId())))
                .contains(RefereeName.emailFingerprint("k1", KEYS.current("ben.okafor@example.test").value()));
    }

    @Test
    void anEmailWithoutAKeyIdOrThatIsNoKeyedFingerprintNamesNobody() {
        String fingerprint = KEYS.current("ben.okafor@example.test").value();

        assertThat(RefereeName.of(byEmail(fingerprint, null))).as("no key id").isEmpty();
        assertThat(RefereeName.of(byEmail("sha256:8e43ca37701228e74983efdbd0cff5c16b3b1e5d4e29a7c05626d4d25a018e11",
                null))).as("an unkeyed SHA-256 from before key ids").isEmpty();
        assertThat(RefereeName.of(byEmail("Ben.Okafor@example.test", "k1"))).as("an address").isEmpty();
    }

    @Test
    void aProfileUrlIsMatchedInItsNormalizedForm() {
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.PROFILE_URL,
                "https://WWW.marketplace.test/freelancers/Ben/?tab=reviews", NOW)))
                .contains(RefereeName.profileUrl("https://marketplace.test/freelancers/Ben"));
    }

    @Test
    void anUnknownKindOrABlankRefereeNamesNobody() {
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.UNKNOWN, "ben", NOW))).isEmpty();
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.EMAIL, "  ", NOW))).isEmpty();
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.PROFILE_URL, "not a url", NOW))).isEmpty();
    }

    private static ReferralRequested byEmail(String referee, String keyId) {
        return ReferralRequested.newBuilder(request("job-1", "ana", RefereeKind.EMAIL, referee, NOW))
                .setRefereeFingerprintKeyId(keyId).build();
    }
}
