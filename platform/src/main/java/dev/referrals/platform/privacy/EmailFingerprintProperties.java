package dev.referrals.platform.privacy;

import dev.referrals.platform.startup.MissingDependencyException;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code referrals.privacy.email-fingerprint}: the keys that fingerprint a referee's email. There is
 * no default: a service that fingerprints does not start without them (docs/configuration.md).
 *
 * @param currentKey the id of the key new fingerprints are made with
 * @param keys       every key id and its secret; ids are lower-case letters and digits
 */
@ConfigurationProperties("referrals.privacy.email-fingerprint")
public record EmailFingerprintProperties(String currentKey, Map<String, String> keys) {

    static final String PREFIX = "referrals.privacy.email-fingerprint";

    /** The keys, or a one-line start-up failure that names the settings to set and shows no secret. */
    public EmailFingerprintKeys toKeys() {
        try {
            return new EmailFingerprintKeys(currentKey, keys == null ? Map.of() : keys);
        } catch (IllegalArgumentException misconfigured) {
            throw new MissingDependencyException("Email fingerprint keys: " + misconfigured.getMessage()
                    + ": set " + PREFIX + ".current-key and " + PREFIX + ".keys.<id>"
                    + " (REFERRALS_PRIVACY_EMAILFINGERPRINT_CURRENTKEY, REFERRALS_PRIVACY_EMAILFINGERPRINT_KEYS_<ID>),"
                    + " see docs/configuration.md", misconfigured);
        }
    }

    @Override
    public String toString() {
        return "EmailFingerprintProperties[currentKey=" + currentKey + ", keys="
                + (keys == null ? "[]" : keys.keySet()) + "]";
    }
}
