package dev.referrals.worker.email;

import static dev.referrals.worker.TestEvents.client;
import static dev.referrals.worker.TestEvents.freelancer;
import static dev.referrals.worker.TestEvents.job;
import static dev.referrals.worker.TestEvents.uniqueEmail;
import static dev.referrals.worker.TestEvents.uniqueId;
import static org.awaitility.Awaitility.await;

import dev.referrals.events.ReferralCreated;
import dev.referrals.schemas.Topics;
import dev.referrals.worker.KafkaTestClient;
import dev.referrals.worker.TestEvents;
import dev.referrals.worker.directory.ContactDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The people and the job of one referral, published as upstream facts and known to the worker's directory. */
final class Cast {

    private static final Duration WAIT = Duration.ofSeconds(30);

    final String referrerId = uniqueId("ana");
    final String refereeId = uniqueId("ben");
    final String clientId = uniqueId("carla");
    final String jobId = uniqueId("job");
    final String refereeEmail = uniqueEmail("ben");
    final String clientEmail = uniqueEmail("carla");

    private Cast() {
    }

    /** A new cast, once the directory knows all of it. */
    static Cast published(KafkaTestClient kafka, ContactDirectory directory) {
        Cast cast = new Cast();
        Instant now = Instant.now();
        kafka.send(Topics.ACCOUNTS, cast.referrerId, freelancer(cast.referrerId, "Ana", uniqueEmail("ana"), now));
        kafka.send(Topics.ACCOUNTS, cast.refereeId, freelancer(cast.refereeId, "Ben", cast.refereeEmail, now));
        kafka.send(Topics.ACCOUNTS, cast.clientId, client(cast.clientId, "Carla", cast.clientEmail, now));
        kafka.send(Topics.JOBS, cast.jobId, job(cast.jobId, cast.clientId, "Senior Kafka engineer", now));
        await().atMost(WAIT).until(() -> directory.job(cast.jobId).isPresent()
                && directory.contacts(List.of(cast.referrerId, cast.refereeId, cast.clientId)).size() == 3);
        return cast;
    }

    ReferralCreated referral() {
        return TestEvents.referral(jobId, clientId, referrerId, refereeId, "Hi");
    }

    /** The roles of this referral in the worker's sent_emails ledger. */
    static List<String> ledgerRoles(JdbcClient jdbc, ReferralCreated referral) {
        return jdbc.sql("SELECT role FROM sent_emails WHERE referral_id = ?").param(referral.getReferralId())
                .query(String.class).list();
    }
}
