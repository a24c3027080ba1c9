package dev.referrals.localrun.seed;

import dev.referrals.marketplace.Account;
import dev.referrals.marketplace.Job;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.schemas.TopicNamespace;
import dev.referrals.schemas.Topics;
import dev.referrals.schemas.serde.AvroSerdeConfig;
import dev.referrals.schemas.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a checked seed to the {@code marketplace.*} topics in one Kafka transaction, as the upstream services
 * would: all of it becomes visible to the services at once, or none of it.
 *
 * <p>Loading the same seed again is harmless: accounts and jobs are the latest state of their key, and each
 * activity's eventId is derived from the activity itself, so consumers recognise a repeat.
 */
public final class SeedPublisher {

    private final Map<String, Object> producerConfig;
    private final TopicNamespace namespace;
    private final Clock clock;

    public SeedPublisher(String bootstrapServers, String registryUrl, TopicNamespace namespace, Clock clock) {
        this.namespace = namespace;
        this.clock = clock;
        this.producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "seed-" + UUID.randomUUID());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        producerConfig.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    }

    /** The number of records published. */
    public int publish(Seed seed) {
        Instant now = clock.instant();
        // Kafka configures only the serializers it creates itself.
        AvroSerializer values = new AvroSerializer();
        values.configure(producerConfig, false);
        try (KafkaProducer<String, Object> producer =
                     new KafkaProducer<>(producerConfig, new StringSerializer(), values)) {
            producer.initTransactions();
            producer.beginTransaction();
            int records = 0;
            try {
                for (Seed.Account account : seed.accounts()) {
                    producer.send(new ProducerRecord<>(namespace.name(Topics.ACCOUNTS), account.id(), account(account, now)));
                    records++;
                }
                for (Seed.Job job : seed.jobs()) {
                    producer.send(new ProducerRecord<>(namespace.name(Topics.JOBS), job.id(), job(job, now)));
                    records++;
                }
                for (Seed.Activity activity : seed.activities()) {
                    producer.send(new ProducerRecord<>(namespace.name(Topics.JOB_ACTIVITY), activity.jobId(),
                            activity(activity, now)));
                    records++;
                }
                producer.commitTransaction();
                return records;
            } catch (KafkaException failure) {
                producer.abortTransaction();
                throw failure;
            }
        }
    }

    private static Account account(Seed.Account account, Instant now) {
        return Account.newBuilder().setAccountId(account.id()).setKind(account.kind())
                .setDisplayName(account.name()).setEmail(account.email()).setProfileUrl(account.profileUrl())
                .setStatus(account.status()).setUpdatedAt(now).build();
    }

    private static Job job(Seed.Job job, Instant now) {
        return Job.newBuilder().setJobId(job.id()).setClientId(job.clientId()).setTitle(job.title())
                .setVisibility(job.visibility()).setStatus(job.status()).setUpdatedAt(now).build();
    }

    private static JobActivity activity(Seed.Activity activity, Instant now) {
        // A freelancer may be invited to a job twice, with two invitation ids: each is an event of its own.
        String identity = "seed:" + activity.kind() + ":" + activity.jobId() + ":" + activity.freelancerId()
                + (activity.invitationId() == null ? "" : ":" + activity.invitationId());
        return JobActivity.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString())
                .setJobId(activity.jobId()).setFreelancerId(activity.freelancerId()).setKind(activity.kind())
                .setInvitationId(activity.invitationId()).setReferralId(null).setOccurredAt(now).build();
    }
}
