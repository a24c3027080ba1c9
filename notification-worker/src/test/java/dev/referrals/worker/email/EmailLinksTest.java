package dev.referrals.worker.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.referrals.events.ReferralCreated;
import dev.referrals.worker.TestEvents;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EmailLinksTest {

    private final ReferralCreated referral = TestEvents.referral("job-1", "client-1", "ana", "ben", null);

    @Test
    void theRefereeLinkPointsAtTheirReferralsUnderTheBaseUrl() {
        EmailLinks links = new EmailLinks(URI.create("https://marketplace.example"));

        assertThat(links.forRole(referral, Role.REFEREE))
                .hasToString("https://marketplace.example/freelancers/ben/referrals");
    }

    @Test
    void theClientLinkPointsAtTheJobsInvitationsUnderTheBaseUrl() {
        EmailLinks links = new EmailLinks(URI.create("https://marketplace.example"));

        assertThat(links.forRole(referral, Role.CLIENT))
                .hasToString("https://marketplace.example/jobs/job-1/invitations");
    }

    @Test
    void aBaseUrlWithAPathKeepsItWithOrWithoutATrailingSlash() {
        assertThat(new EmailLinks(URI.create("https://marketplace.example/app")).forRole(referral, Role.CLIENT))
                .hasToString("https://marketplace.example/app/jobs/job-1/invitations");
        assertThat(new EmailLinks(URI.create("https://marketplace.example/app/")).forRole(referral, Role.CLIENT))
                .hasToString("https://marketplace.example/app/jobs/job-1/invitations");
    }

    @Test
    void idsAreEncodedAsOnePathSegmentSoTheyCannotChangeThePathOrTheHost() {
        ReferralCreated odd = TestEvents.referral("../a/b c?d#e", "client-1", "ana", "x@evil.example/", null);
        EmailLinks links = new EmailLinks(URI.create("https://marketplace.example"));

        URI client = links.forRole(odd, Role.CLIENT);
        URI referee = links.forRole(odd, Role.REFEREE);

        assertThat(client).hasToString("https://marketplace.example/jobs/..%2Fa%2Fb%20c%3Fd%23e/invitations");
        assertThat(client.getHost()).isEqualTo("marketplace.example");
        assertThat(referee).hasToString("https://marketplace.example/freelancers/x%40evil.example%2F/referrals");
        assertThat(referee.getHost()).isEqualTo("marketplace.example");
    }
}
