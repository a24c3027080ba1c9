package dev.referrals.api.decline;

import dev.referrals.events.RefereeKind;

/**
 * The referred freelancer as it goes on {@code referrals.referral-requested}: a profile URL as typed (trimmed), or
 * the keyed fingerprint of an email address under the current key, never the address itself.
 *
 * @param fingerprintKeyId for an email, the id of the key that made the fingerprint; null for a URL
 */
public record Referee(RefereeKind kind, String value, String fingerprintKeyId) {

    /** A referee named by profile URL. */
    public Referee(RefereeKind kind, String value) {
        this(kind, value, null);
    }
}
