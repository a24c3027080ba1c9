package dev.referrals.api.decline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.api.support.ShippedProperties;
import dev.referrals.api.support.TestFingerprintKeys;
import dev.referrals.events.RefereeKind;
import dev.referrals.localstack.LocalFingerprintKey;
import dev.referrals.schemas.privacy.EmailFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a referrer may type to name a referee, with the shipped configuration. */
class RefereeRecognizerTest {

    private final RefereeRecognizer recognizer = new RefereeRecognizer(ShippedProperties.referralApi(),
            TestFingerprintKeys.LOCAL);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://marketplace.example/freelancers/ana            | https://marketplace.example/freelancers/ana",
            "http://marketplace.example/freelancers/ana             | http://marketplace.example/freelancers/ana",
            "https://www.marketplace.example/freelancers/ana        | https://www.marketplace.example/freelancers/ana",
            "HTTPS://MARKETPLACE.EXAMPLE/freelancers/an_l.1~x       | https://marketplace.example/freelancers/an_l.1~x",
            "https://marketplace.example/freelancers/ana/           | https://marketplace.example/freelancers/ana/",
            "https://marketplace.example:8443/freelancers/ana       | https://marketplace.example:8443/freelancers/ana",
            "https://marketplace.example/freelancers/ana?utm=mail#x | https://marketplace.example/freelancers/ana",
            "https://marketplace.example/freelancers/ana#%1B%5B31m  | https://marketplace.example/freelancers/ana"})
    void aProfileUrlOnTheMarketplaceIsPublishedNormalizedWithoutQueryOrFragment(String url, String published) {
        RefereeRecognizer.Recognition recognition = recognizer.recognize("  " + url + "\t");

        assertThat(recognition).isEqualTo(
                new RefereeRecognizer.Recognized(new Referee(RefereeKind.PROFILE_URL, published)));
    }

    @Test
    void aProfileUrlWithAHugeQueryIsRefusedBeforeItIsParsed() {
        String url = "https://marketplace.example/freelancers/ana?q=" + "x".repeat(10_000);

        assertThat(recognizer.recognize(url))
                .isEqualTo(new RefereeRecognizer.Refused("must be at most 2048 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana@mail.example", "Ana.Lima+work@Mail.Example", " ana_lima@sub.mail-host.example "})
    void anEmailIsAnEmailRefereeCarriedOnlyAsItsFingerprintUnderTheCurrentKey(String email) {
        RefereeRecognizer.Recognition recognition = recognizer.recognize(email);

        EmailFingerprint fingerprint = TestFingerprintKeys.LOCAL.current(email);
        assertThat(recognition).isEqualTo(new RefereeRecognizer.Recognized(
                new Referee(RefereeKind.EMAIL, fingerprint.value(), LocalFingerprintKey.KEY_ID)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://marketplace.example.evil.example/freelancers/ana | must be a profile URL on marketplace.example",
            "https://evilmarketplace.example/freelancers/ana          | must be a profile URL on marketplace.example",
            "https://ana@marketplace.example/freelancers/ana          | must be a profile URL on marketplace.example",
            "https://marketplace.example/jobs/ana                     | must be the URL of a freelancer profile",
            "https://marketplace.example/freelancers/                 | must be the URL of a freelancer profile",
            "https://marketplace.example/freelancers/ana/reviews      | must be the URL of a freelancer profile",
            "https://marketplace.example/freelancers/ana%20lima       | must be the URL of a freelancer profile",
            "marketplace.example/freelancers/ana                      | must be an absolute http(s) profile URL",
            "ftp://marketplace.example/freelancers/ana                | must be an absolute http(s) profile URL",
            "javascript:alert(1)                                      | must be an absolute http(s) profile URL",
            "https://marketplace.example/freelancers/ana lima         | must be an absolute http(s) profile URL",
            "ana                                                      | must be an absolute http(s) profile URL",
            "ana@localhost                                            | is not a valid email address",
            "ana@@mail.example                                        | is not a valid email address",
            "@mail.example                                            | is not a valid email address",
            "ana@mail.example.                                        | is not a valid email address",
            "ana@-mail.example                                        | is not a valid email address",
            "https://marketplace.example/freelancers/ana%00           | must be the URL of a freelancer profile",
            "https://marketplace.example/freelancers/ana\u001B[31m    | must be an absolute http(s) profile URL"})
    void anythingElseIsRefusedSayingWhy(String typed, String reason) {
        RefereeRecognizer.Recognition recognition = recognizer.recognize(typed);

        assertThat(recognition).isInstanceOf(RefereeRecognizer.Refused.class);
        assertThat(((RefereeRecognizer.Refused) recognition).reason()).startsWith(reason);
    }
}
