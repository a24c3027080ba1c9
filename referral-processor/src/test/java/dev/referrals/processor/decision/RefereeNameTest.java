package dev.referrals.processor.decision;

import static dev.referrals.processor.decision.Requests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.RefereeKind;
import dev.referrals.schemas.privacy.EmailFingerprint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefereeNameTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void anEmailIsMatchedByItsFingerprintWhateverItsCaseAndSurroundingSpaces() {
        String typedByTheReferrer = EmailFingerprint.of("  Ben.Okafor@Example.TEST ");
        String storedForTheAccount = EmailFingerprint.of("ben.okafor@example.test");

        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.EMAIL, typedByTheReferrer, NOW)))
                .contains(new RefereeName(RefereeName.Kind.EMAIL_FINGERPRINT, storedForTheAccount));
    }

    @Test
    void aRawAddressSentByMistakeIsFingerprintedBeforeMatching() {
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.EMAIL, "Ben.Okafor@example.test", NOW)))
                .contains(new RefereeName(RefereeName.Kind.EMAIL_FINGERPRINT,
                        EmailFingerprint.of("ben.okafor@example.test")));
    }

    @Test
    void aProfileUrlIsMatchedInItsNormalizedForm() {
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.PROFILE_URL,
                "https://WWW.marketplace.test/freelancers/Ben/?tab=reviews", NOW)))
                .contains(new RefereeName(RefereeName.Kind.PROFILE_URL, "https://marketplace.test/freelancers/Ben"));
    }

    @Test
    void anUnknownKindOrABlankRefereeNamesNobody() {
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.UNKNOWN, "ben", NOW))).isEmpty();
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.EMAIL, "  ", NOW))).isEmpty();
        assertThat(RefereeName.of(request("job-1", "ana", RefereeKind.PROFILE_URL, "not a url", NOW))).isEmpty();
    }
}
