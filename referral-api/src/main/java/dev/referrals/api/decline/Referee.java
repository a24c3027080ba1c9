package dev.referrals.api.decline;

import dev.referrals.events.RefereeKind;

/**
 * The referred freelancer as it goes on {@code referrals.referral-requested}: a profile URL normalized (scheme, host,
 * port and path, without query or fragment), or the fingerprint of an email address, never the address itself.
 */
public record Referee(RefereeKind kind, String value, String fingerprintKeyId) {

    /** A referee named by profile URL; an email's keyed fingerprint also names its key ({@code fingerprintKeyId}). */
    public Referee(RefereeKind kind, String value) {
        this(kind, value, null);
    }
}
