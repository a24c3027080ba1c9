package dev.referrals.worker.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

    private static final String SCRIPT_MESSAGE = "Ben is great <script>alert('x')</script> & \"fast\"";
    private static final URI REFEREE_LINK = URI.create("https://marketplace.example/freelancers/ben/referrals");
    private static final URI CLIENT_LINK = URI.create("https://marketplace.example/jobs/job-1/invitations");

    private final EmailRenderer renderer = new EmailRenderer();

    @Test
    void theRefereeEmailNamesTheReferrerAndTheJobAndCarriesTheMessageAndTheLink() {
        RenderedEmail email = renderer.render(email(Role.REFEREE, "Ana", "Ben", "Senior Java developer",
                "Ben knows Kafka.", REFEREE_LINK));

        assertThat(email.subject()).isEqualTo("Ana referred you for Senior Java developer");
        assertThat(email.text()).contains("Hello Ben,", "Ana referred you for Senior Java developer",
                "Ben knows Kafka.", "See the referral invitation: " + REFEREE_LINK);
        assertThat(email.html()).contains("<strong>Ana</strong> referred you for",
                "<strong>Senior Java developer</strong>", "Ben knows Kafka.", "href=\"" + REFEREE_LINK + "\"");
    }

    @Test
    void theClientEmailNamesTheReferrerTheRefereeAndTheJobAndLinksToItsInvitations() {
        RenderedEmail email = renderer.render(email(Role.CLIENT, "Ana", "Ben", "Senior Java developer",
                "Ben knows Kafka.", CLIENT_LINK));

        assertThat(email.subject()).isEqualTo("Ana referred Ben for Senior Java developer");
        assertThat(email.text()).contains("Hello Carla,", "Ana declined your invitation and referred Ben for "
                + "Senior Java developer instead.", "Ben knows Kafka.", "See the job's invitations: " + CLIENT_LINK);
        assertThat(email.html()).contains("<strong>Ben</strong>", "href=\"" + CLIENT_LINK + "\"");
    }

    @Test
    void userTextIsEscapedInTheHtmlPartAndLeftAsTypedInTheTextPart() {
        RenderedEmail email = renderer.render(email(Role.CLIENT, "Ana <b>", "Ben & Co", "C++ & <Java>",
                SCRIPT_MESSAGE, CLIENT_LINK));

        assertThat(email.html())
                .contains("Ben is great &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;fast&quot;")
                .contains("<strong>Ana &lt;b&gt;</strong>", "<strong>Ben &amp; Co</strong>",
                        "<strong>C++ &amp; &lt;Java&gt;</strong>")
                .doesNotContain("<script>", "<b>");
        assertThat(email.text()).contains(SCRIPT_MESSAGE, "Ana <b> declined");
    }

    @Test
    void theSubjectStaysOneLineWhateverTheUserTyped() {
        RenderedEmail email = renderer.render(email(Role.REFEREE, "Ana\r\nBcc: victim@example.test", "Ben",
                "Java\u2028developer\n", null, REFEREE_LINK));

        assertThat(email.subject())
                .isEqualTo("Ana Bcc: victim@example.test referred you for Java developer")
                .doesNotContain("\r", "\n", "\u2028");
    }

    @Test
    void withoutAMessageNeitherPartMentionsOne() {
        RenderedEmail email = renderer.render(email(Role.CLIENT, "Ana", "Ben", "Java", "  ", CLIENT_LINK));

        assertThat(email.text()).doesNotContain("message");
        assertThat(email.html()).doesNotContain("message", "blockquote");
    }

    @Test
    void unknownOrErasedNamesAndTitlesAreWordedNeutrally() {
        RenderedEmail referee = renderer.render(email(Role.REFEREE, null, "Ben", null, null, REFEREE_LINK));
        RenderedEmail client = renderer.render(email(Role.CLIENT, null, null, null, null, CLIENT_LINK));

        assertThat(referee.subject()).isEqualTo("A freelancer referred you for a job");
        assertThat(client.subject()).isEqualTo("A freelancer referred a freelancer for one of your jobs");
        assertThat(client.text()).contains("The freelancer is now invited");
        assertThat(client.html()).doesNotContain("null");
    }

    private static ReferralEmail email(Role role, String referrerName, String refereeName, String jobTitle,
            String message, URI link) {
        String recipientName = role == Role.REFEREE ? refereeName : "Carla";
        try {
            return new ReferralEmail("r-1", role, MessageId.of("r-1", role, "referrals.example.test"),
                    role == Role.REFEREE ? "ben" : "carla",
                    new InternetAddress("someone@example.test", recipientName), recipientName, referrerName,
                    refereeName, jobTitle, message, link, Instant.now(), Set.of());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
