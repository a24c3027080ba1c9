package dev.referrals.api.referrals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whose side of a referral the Referrals view shows. */
public enum ReferralRole {

    /** The referrals a freelancer made (their requests, whatever became of them). */
    REFERRER,
    /** The referrals a freelancer received. */
    REFEREE;

    /** The query parameter's value: {@code referrer} or {@code referee}, any case. */
    static Optional<ReferralRole> parse(String value) {
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(value))
                .findFirst();
    }

    String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
