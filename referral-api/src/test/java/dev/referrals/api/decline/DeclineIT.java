package dev.referrals.api.decline;

import static dev.referrals.api.support.Events.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.api.support.ApiClient;
import dev.referrals.api.support.ApiIntegrationTest;
import dev.referrals.api.support.TestFingerprintKeys;
import dev.referrals.events.DeclineReason;
import dev.referrals.events.InviteDeclined;
import dev.referrals.events.RefereeKind;
import dev.referrals.events.ReferralRequested;
import dev.referrals.schemas.Topic;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.privacy.EmailFingerprint;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A decline on the real broker: 202 only once its events are committed, both or neither, read back by a
 * read_committed reader with the registry, exactly as the processor and analytics read them.
 */
class DeclineIT extends ApiIntegrationTest {

    private static final Duration VISIBLE = Duration.ofSeconds(15);
    private static final String PROFILE_URL = "https://www.Marketplace.example/freelancers/ana-lima?ref=decline";

    @Autowired
    private MeterRegistry meters;

    @Test
    void aDeclineWithAProfileUrlReferralIsAnswered202WithItsIdsAfterBothEventsAreCommittedInOneTransaction() {
        String jobId = id("job");
        double referralsBefore = meters.counter(DeclineIntake.REQUESTED).count();

        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-1/decline", DeclineBodies.withReferral(jobId,
                "  " + PROFILE_URL + " ", "She shipped three of these for us."));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        JsonNode body = answer.json();
        String eventId = body.get("eventId").asString();
        String requestId = body.get("requestId").asString();
        assertThat(body.get("invitationId").asString()).isEqualTo("inv-1");
        assertThat(body.get("status").asString()).isEqualTo("PENDING");
        assertThat(body.get("links").get("status").asString()).isEqualTo("/api/v1/referral-requests/" + requestId);
        assertThat(answer.header("Location")).isEqualTo("/api/v1/referral-requests/" + requestId);

        InviteDeclined declined = awaitOne(Topics.INVITE_DECLINED, jobId, InviteDeclined::getJobId);
        ReferralRequested requested = awaitOne(Topics.REFERRAL_REQUESTED, jobId, ReferralRequested::getJobId);
        assertThat(declined.getEventId()).isEqualTo(eventId);
        assertThat(declined.getInvitationId()).isEqualTo("inv-1");
        assertThat(declined.getClientId()).isEqualTo("client-1");
        assertThat(declined.getFreelancerId()).isEqualTo("freelancer-1");
        assertThat(declined.getReason()).isEqualTo(DeclineReason.TOO_BUSY);
        assertThat(declined.getReasonText()).isEqualTo("Booked until June");
        assertThat(declined.getReferralRequestId()).isEqualTo(requestId);
        assertThat(requested.getRequestId()).isEqualTo(requestId);
        assertThat(requested.getInvitationId()).isEqualTo("inv-1");
        assertThat(requested.getClientId()).isEqualTo("client-1");
        assertThat(requested.getReferrerId()).isEqualTo("freelancer-1");
        assertThat(requested.getReferee()).isEqualTo("https://www.marketplace.example/freelancers/ana-lima");
        assertThat(requested.getRefereeKind()).isEqualTo(RefereeKind.PROFILE_URL);
        assertThat(requested.getMessage()).isEqualTo("She shipped three of these for us.");
        assertThat(requested.getRequestedAt()).isEqualTo(declined.getDeclinedAt());
        assertThat(meters.counter(DeclineIntake.REQUESTED).count()).isEqualTo(referralsBefore + 1);
    }

    @Test
    void bothEventsAreKeyedByJobIdSoTheyReachThePartitionsOfTheirJob() {
        String jobId = id("job");

        assertThat(api.post("/api/v1/invitations/inv-key/decline",
                DeclineBodies.withReferral(jobId, PROFILE_URL, null)).status()).isEqualTo(202);

        await().atMost(VISIBLE).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> records = events.records(Topics.REFERRAL_REQUESTED,
                    IsolationLevel.READ_COMMITTED).stream().filter(record -> jobId.equals(record.key())).toList();
            assertThat(records).hasSize(1);
        });
        assertThat(events.records(Topics.INVITE_DECLINED, IsolationLevel.READ_COMMITTED))
                .filteredOn(record -> jobId.equals(record.key())).hasSize(1);
    }

    @Test
    void anEmailRefereeTravelsOnlyAsTheKeyedFingerprintOfTheAddressWithItsKeyId() {
        String jobId = id("job");

        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-2/decline",
                DeclineBodies.withReferral(jobId, " Ana.Lima@Mail.Example ", null));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        ReferralRequested requested = awaitOne(Topics.REFERRAL_REQUESTED, jobId, ReferralRequested::getJobId);
        assertThat(requested.getRefereeKind()).isEqualTo(RefereeKind.EMAIL);
        EmailFingerprint fingerprint = TestFingerprintKeys.LOCAL.current("ana.lima@mail.example");
        assertThat(requested.getReferee()).isEqualTo(fingerprint.value());
        assertThat(requested.getRefereeFingerprintKeyId()).isEqualTo(fingerprint.keyId());
        assertThat(requested.getMessage()).isNull();
        for (ConsumerRecord<String, byte[]> record
                : events.records(Topics.REFERRAL_REQUESTED, IsolationLevel.READ_UNCOMMITTED)) {
            assertThat(new String(record.value(), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT))
                    .doesNotContain("ana.lima@mail.example");
        }
    }

    @Test
    void aDeclineWithoutReferralPublishesOnlyInviteDeclinedAndHasNoStatusLink() {
        String jobId = id("job");
        double withoutReferralBefore = meters.counter(DeclineIntake.DECLINES, DeclineIntake.WITH_REFERRAL, "false")
                .count();

        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-3/decline", DeclineBodies.withoutReferral(jobId));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        JsonNode body = answer.json();
        assertThat(body.get("requestId").isNull()).isTrue();
        assertThat(body.get("status").isNull()).isTrue();
        assertThat(body.get("links").isEmpty()).isTrue();
        assertThat(answer.header("Location")).isNull();
        InviteDeclined declined = awaitOne(Topics.INVITE_DECLINED, jobId, InviteDeclined::getJobId);
        assertThat(declined.getEventId()).isEqualTo(body.get("eventId").asString());
        assertThat(declined.getReferralRequestId()).isNull();
        assertThat(declined.getReason()).isEqualTo(DeclineReason.UNKNOWN);
        // Both events of a decline are in one transaction: once its InviteDeclined is there, so would the request be.
        assertThat(events.values(Topics.REFERRAL_REQUESTED, IsolationLevel.READ_UNCOMMITTED,
                requested -> jobId.equals(requested.getJobId()))).isEmpty();
        assertThat(meters.counter(DeclineIntake.DECLINES, DeclineIntake.WITH_REFERRAL, "false").count())
                .isEqualTo(withoutReferralBefore + 1);
    }

    @Test
    void theStatusLinkAnswersPendingRightAfterThe202() {
        String jobId = id("job");

        ApiClient.Answer answer = api.post("/api/v1/invitations/inv-4/decline",
                DeclineBodies.withReferral(jobId, PROFILE_URL, null));
        ApiClient.Answer status = api.get(answer.header("Location"));

        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        assertThat(status.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(status.json().get("requestId").asString()).isEqualTo(answer.json().get("requestId").asString());
        assertThat(status.json().get("jobId").asString()).isEqualTo(jobId);
        assertThat(status.json().get("referrerId").asString()).isEqualTo("freelancer-1");
    }

    @Test
    void thePublishIsTimed() {
        long before = meters.timer(DeclinePublisher.TIMER, DeclinePublisher.OUTCOME, "committed").count();

        api.post("/api/v1/invitations/inv-5/decline", DeclineBodies.withoutReferral(id("job")));

        assertThat(meters.timer(DeclinePublisher.TIMER, DeclinePublisher.OUTCOME, "committed").count())
                .isEqualTo(before + 1);
    }

    private <V extends SpecificRecord> V awaitOne(Topic<String, V> topic, String jobId, Function<V, String> job) {
        return await().atMost(VISIBLE).until(
                () -> events.values(topic, IsolationLevel.READ_COMMITTED, value -> jobId.equals(job.apply(value))),
                values -> values.size() == 1).get(0);
    }
}
