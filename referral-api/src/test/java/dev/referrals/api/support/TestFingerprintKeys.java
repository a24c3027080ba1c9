package dev.referrals.api.support;

import dev.referrals.localstack.LocalFingerprintKey;
import dev.referrals.schemas.privacy.EmailFingerprintKeys;
import java.util.Map;

/** The email fingerprint key the local stack configures the API with, for unit tests and for checking events. */
public final class TestFingerprintKeys {

    public static final EmailFingerprintKeys LOCAL = new EmailFingerprintKeys(LocalFingerprintKey.KEY_ID,
            Map.of(LocalFingerprintKey.KEY_ID, LocalFingerprintKey.SECRET));

    private TestFingerprintKeys() {
    }
}
