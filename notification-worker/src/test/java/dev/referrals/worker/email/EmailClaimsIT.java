package dev.referrals.worker.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralCreated;
import dev.referrals.localstack.mail.MailSink;
import dev.referrals.schemas.Topics;
import dev.referrals.worker.KafkaTestClient;
import dev.referrals.worker.Meters;
import dev.referrals.worker.WorkerIntegrationTest;
import dev.referrals.worker.directory.ContactDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * I4 with two instances: an email another worker instance has claimed is not sent by this one. This instance waits
 * and looks again, and then either finds the email in the ledger (the other one sent it) or takes the claim over
 * once it ran out (the other one died while sending). The other instance is its claim row, written as it writes it.
 */
@WorkerIntegrationTest
class EmailClaimsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Looks at the claim this instance made, while the other one holds it. */
    private static final int LOOKS_WHILE_CLAIMED = 3;
    private static final String OTHER_INSTANCE = "worker-the-other-instance";

    @Autowired
    private KafkaTestClient kafka;

    @Autowired
    private ContactDirectory directory;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    @Test
    void anEmailAnotherInstanceIsSendingIsNotSentHereUntilItsClaimRunsOut(MailSink mail) throws Exception {
        Cast cast = Cast.published(kafka, directory);
        ReferralCreated referral = cast.referral();
        claimAsTheOtherInstance(referral, "referee", Instant.now().plus(Duration.ofMinutes(5)));
        double looksBefore = claimedElsewhere("referee");

        kafka.send(Topics.REFERRAL_CREATED, referral.getJobId(), referral);
        await().atMost(WAIT).until(() -> claimedElsewhere("referee") >= looksBefore + LOOKS_WHILE_CLAIMED);
        assertThat(mail.receivedMessagesFor(cast.refereeEmail)).isEmpty();
        assertThat(Cast.ledgerRoles(jdbc, referral)).doesNotContain("referee");

        // The other instance died while sending: its claim runs out, and this one takes it over.
        jdbc.sql("UPDATE email_claims SET claimed_until = now() - interval '1 second' WHERE referral_id = ?")
                .param(referral.getReferralId()).update();

        assertThat(mail.awaitMessagesFor(cast.refereeEmail, 1, WAIT)).hasSize(1);
        assertThat(mail.awaitMessagesFor(cast.clientEmail, 1, WAIT)).hasSize(1);
        await().atMost(WAIT).until(() -> Cast.ledgerRoles(jdbc, referral).size() == 2);
        assertThat(mail.receivedMessagesFor(cast.refereeEmail)).hasSize(1);
    }

    @Test
    void anEmailTheOtherInstanceSentMeanwhileIsNotSentAgain(MailSink mail) throws Exception {
        Cast cast = Cast.published(kafka, directory);
        ReferralCreated referral = cast.referral();
        claimAsTheOtherInstance(referral, "referee", Instant.now().plus(Duration.ofMinutes(5)));
        double looksBefore = claimedElsewhere("referee");

        kafka.send(Topics.REFERRAL_CREATED, referral.getJobId(), referral);
        await().atMost(WAIT).until(() -> claimedElsewhere("referee") >= looksBefore + LOOKS_WHILE_CLAIMED);
        // The other instance's SMTP server accepted the email, and it recorded it.
        jdbc.sql("""
                        INSERT INTO sent_emails (referral_id, role, message_id, recipient_account_id, sent_at)
                        VALUES (?, 'referee', ?, ?, now())
                        """)
                .params(referral.getReferralId(), "<" + referral.getReferralId() + ".referee@other>", cast.refereeId)
                .update();

        assertThat(mail.awaitMessagesFor(cast.clientEmail, 1, WAIT)).hasSize(1);
        await().atMost(WAIT).until(() -> Cast.ledgerRoles(jdbc, referral).size() == 2);
        assertThat(mail.receivedMessagesFor(cast.refereeEmail)).isEmpty();
    }

    private void claimAsTheOtherInstance(ReferralCreated referral, String role, Instant until) {
        jdbc.sql("INSERT INTO email_claims (referral_id, role, claimed_by, claimed_until) VALUES (?, ?, ?, ?)")
                .params(referral.getReferralId(), role, OTHER_INSTANCE, java.sql.Timestamp.from(until))
                .update();
    }



    private double claimedElsewhere(String role) {
        return Meters.count(meters, EmailMetrics.CLAIMED_ELSEWHERE, "role", role);
    }

}
