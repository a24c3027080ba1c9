package dev.referrals.worker.directory;

import static dev.referrals.worker.TestEvents.client;
import static dev.referrals.worker.TestEvents.freelancer;
import static dev.referrals.worker.TestEvents.job;
import static dev.referrals.worker.TestEvents.millis;
import static dev.referrals.worker.TestEvents.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.referrals.schemas.Topics;
import dev.referrals.worker.KafkaTestClient;
import dev.referrals.worker.WorkerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contact directory fed from the real broker. Records that must be read in order go to one partition, followed
 * by a marker record on the same partition: once the marker is in, everything before it was handled.
 */
@WorkerIntegrationTest
class ContactDirectoryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PARTITION = 0;
    private static final Instant T1 = millis(Instant.parse("2026-01-01T10:00:00Z"));
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T2.plusSeconds(60);

    @Autowired
    private KafkaTestClient kafka;

    @Autowired
    private ContactDirectory directory;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anAccountIsStoredWithItsNameAndEmail() {
        String id = uniqueId("ben");

        kafka.send(Topics.ACCOUNTS, id, freelancer(id, "Ben Brown", "ben@example.test", T1));

        await().atMost(WAIT).until(() -> directory.contact(id).isPresent());
        assertThat(directory.contact(id)).contains(new Contact(id, "Ben Brown", "ben@example.test", false));
        assertThat(row(id)).containsEntry("kind", "FREELANCER").containsEntry("status", "ACTIVE");
    }

    @Test
    void aRedeliveredOrOlderAccountNeverOverwritesANewerOne() {
        String id = uniqueId("ben");

        kafka.send(Topics.ACCOUNTS, PARTITION, id, freelancer(id, "Ben v2", "v2@example.test", T2));
        kafka.send(Topics.ACCOUNTS, PARTITION, id, freelancer(id, "Ben v2", "v2@example.test", T2));
        kafka.send(Topics.ACCOUNTS, PARTITION, id, freelancer(id, "Ben v1", "v1@example.test", T1));
        awaitMarker(Topics.ACCOUNTS);

        assertThat(directory.contact(id)).contains(new Contact(id, "Ben v2", "v2@example.test", false));
        assertThat(updatedAt(id)).isEqualTo(T2);
    }

    @Test
    void aNewerAccountReplacesTheStoredOne() {
        String id = uniqueId("carla");

        kafka.send(Topics.ACCOUNTS, PARTITION, id, client(id, "Carla v1", "v1@example.test", T1));
        kafka.send(Topics.ACCOUNTS, PARTITION, id, client(id, "Carla v3", "v3@example.test", T3));
        awaitMarker(Topics.ACCOUNTS);

        assertThat(directory.contact(id)).contains(new Contact(id, "Carla v3", "v3@example.test", false));
    }

    @Test
    void aTombstoneErasesTheNameAndEmailButKeepsTheRowForGood() {
        String id = uniqueId("ben");

        kafka.send(Topics.ACCOUNTS, PARTITION, id, freelancer(id, "Ben Brown", "ben@example.test", T1));
        kafka.send(Topics.ACCOUNTS, PARTITION, id, null);
        kafka.send(Topics.ACCOUNTS, PARTITION, id, null);
        kafka.send(Topics.ACCOUNTS, PARTITION, id, freelancer(id, "Ben Brown", "ben@example.test", T1));
        kafka.send(Topics.ACCOUNTS, PARTITION, id, freelancer(id, "Ben again", "again@example.test", T3));
        awaitMarker(Topics.ACCOUNTS);

        assertThat(directory.contact(id)).contains(Contact.erased(id));
        assertThat(row(id)).containsEntry("display_name", null).containsEntry("email", null)
                .containsEntry("erased", true);
    }

    @Test
    void aTombstoneForAnAccountNeverSeenStillRecordsItAsErased() {
        String id = uniqueId("ghost");

        kafka.send(Topics.ACCOUNTS, id, null);

        await().atMost(WAIT).until(() -> directory.contact(id).isPresent());
        assertThat(directory.contact(id)).contains(Contact.erased(id));
    }

    @Test
    void aRedeliveredOrOlderJobNeverOverwritesANewerOneAndANewerOneReplacesIt() {
        String older = uniqueId("job");
        String newer = uniqueId("job");

        kafka.send(Topics.JOBS, PARTITION, older, job(older, "carla", "Title v2", T2));
        kafka.send(Topics.JOBS, PARTITION, older, job(older, "carla", "Title v2", T2));
        kafka.send(Topics.JOBS, PARTITION, older, job(older, "carla", "Title v1", T1));
        kafka.send(Topics.JOBS, PARTITION, newer, job(newer, "carla", "Title v1", T1));
        kafka.send(Topics.JOBS, PARTITION, newer, job(newer, "carla", "Title v3", T3));
        awaitMarker(Topics.JOBS);

        assertThat(directory.job(older)).contains(new JobEntry(older, "carla", "Title v2"));
        assertThat(directory.job(newer)).contains(new JobEntry(newer, "carla", "Title v3"));
    }

    @Test
    void aJobTombstoneKeepsTheTitleForReferralsAlreadyMade() {
        String id = uniqueId("job");

        kafka.send(Topics.JOBS, PARTITION, id, job(id, "carla", "Senior Kafka engineer", T1));
        kafka.send(Topics.JOBS, PARTITION, id, null);
        awaitMarker(Topics.JOBS);

        assertThat(directory.job(id)).contains(new JobEntry(id, "carla", "Senior Kafka engineer"));
    }

    /** A fresh record on the test partition; once it is stored, every record before it was handled. */
    private void awaitMarker(dev.referrals.schemas.Topic<String, ?> topic) {
        String marker = uniqueId("marker");
        if (topic == Topics.JOBS) {
            kafka.send(topic, PARTITION, marker, job(marker, "carla", "marker", T1));
            await().atMost(WAIT).until(() -> directory.job(marker).isPresent());
        } else {
            kafka.send(topic, PARTITION, marker, freelancer(marker, "marker", "marker@example.test", T1));
            await().atMost(WAIT).until(() -> directory.contact(marker).isPresent());
        }
    }

    private Map<String, Object> row(String accountId) {
        return jdbc.sql("SELECT kind, status, display_name, email, erased FROM contacts WHERE account_id = :id")
                .param("id", accountId)
                .query()
                .singleRow();
    }

    private Instant updatedAt(String accountId) {
        return jdbc.sql("SELECT updated_at FROM contacts WHERE account_id = :id")
                .param("id", accountId)
                .query((row, rowNumber) -> row.getObject("updated_at", OffsetDateTime.class).toInstant())
                .single();
    }
}
