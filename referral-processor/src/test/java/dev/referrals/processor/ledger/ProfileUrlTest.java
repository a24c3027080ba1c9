package dev.referrals.processor.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileUrlTest {

    private static final String CANONICAL = "https://marketplace.test/freelancers/Ben-Okafor";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://marketplace.test/freelancers/Ben-Okafor",
            "HTTPS://MARKETPLACE.TEST/freelancers/Ben-Okafor",
            "https://www.marketplace.test/freelancers/Ben-Okafor",
            "https://WWW.Marketplace.Test/freelancers/Ben-Okafor",
            "https://marketplace.test/freelancers/Ben-Okafor/",
            "https://marketplace.test/freelancers/Ben-Okafor//",
            "https://marketplace.test/freelancers/Ben-Okafor?utm_source=mail",
            "https://marketplace.test/freelancers/Ben-Okafor#reviews",
            "https://marketplace.test/freelancers/Ben-Okafor/?ref=search#top",
            "http://marketplace.test/freelancers/Ben-Okafor",
            "marketplace.test/freelancers/Ben-Okafor",
            "https://marketplace.test:443/freelancers/Ben-Okafor",
            "  https://marketplace.test/freelancers/Ben-Okafor  "})
    void copiesOfTheSameProfileLinkNormalizeToOneUrl(String typed) {
        assertThat(ProfileUrl.parse(typed).map(ProfileUrl::value)).contains(CANONICAL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://marketplace.test/freelancers/ben-okafor",
            "https://marketplace.test/freelancers/Ben-Okafor/portfolio",
            "https://other.test/freelancers/Ben-Okafor",
            "https://marketplace.test:8443/freelancers/Ben-Okafor"})
    void theCaseOfThePathAndEveryOtherPartStillTellProfilesApart(String typed) {
        assertThat(ProfileUrl.parse(typed).map(ProfileUrl::value)).isPresent().get().isNotEqualTo(CANONICAL);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "https://", "ftp://marketplace.test/freelancers/Ben-Okafor", "/freelancers/x",
            "not a url at all"})
    void textThatNamesNoWebHostIsNoProfileUrl(String typed) {
        assertThat(ProfileUrl.parse(typed)).isEmpty();
    }

    @Test
    void nothingTypedIsNoProfileUrl() {
        assertThat(ProfileUrl.parse(null)).isEqualTo(Optional.empty());
    }
}
