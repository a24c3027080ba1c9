package dev.referrals.platform.health;

import dev.referrals.schemas.privacy.CredentialRedaction;
import org.springframework.boot.health.contributor.Health;

/**
 * A DOWN answer that names the failure as Boot's {@code Health.down(exception)} does ({@code error}: class and
 * message), with any credential in the message masked: health is open to the platform without authentication.
 */
final class HealthFailure {

    private static final String ERROR_DETAIL = "error";

    private HealthFailure() {
    }

    static Health down(Throwable failure) {
        return Health.down()
                .withDetail(ERROR_DETAIL, CredentialRedaction.redact(failure.getClass().getName() + ": "
                        + failure.getMessage()))
                .build();
    }
}
