package dev.referrals.processor.ledger;

import dev.referrals.marketplace.Job;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the job ledger from {@code marketplace.jobs}.
 *
 * <p>Redelivery: the upsert only moves forward by {@code updatedAt}, so a redelivered record changes nothing. An
 * unreadable record goes to {@code marketplace.jobs-dlt}.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class JobsListener {

    /** Its id, and so its consumer group under the topic prefix. */
    static final String ID = "referral-processor.jobs";

    private final JobLedger jobs;

    JobsListener(JobLedger jobs) {
        this.jobs = jobs;
    }

    @KafkaListener(id = ID,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).JOBS)}")
    void on(Job job) {
        jobs.record(job);
    }
}
