package dev.referrals.api.invitations;

import dev.referrals.marketplace.Job;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * marketplace.jobs → each job's client, so that only the client lists a job's invitations. A tombstone removes the
 * job.
 *
 * <p>Redelivery: the upsert by jobId ignores an update older than the row, and a delete of a missing row does
 * nothing, so a redelivered job or tombstone changes nothing.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class JobsListener {

    private final JobClients jobClients;

    JobsListener(JobClients jobClients) {
        this.jobClients = jobClients;
    }

    @KafkaListener(id = "referral-api.jobs",
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).JOBS)}")
    void on(ConsumerRecord<String, Job> record) {
        if (record.value() == null) {
            jobClients.erase(record.key());
        } else {
            jobClients.record(record.value());
        }
    }
}
