package dev.referrals.worker.directory;

import dev.referrals.marketplace.Job;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the contact directory's job titles from {@code marketplace.jobs}.
 *
 * <p>Redelivery changes nothing: a Job is stored only when its {@code updatedAt} is newer than the stored one. A
 * tombstone is ignored: a title is not personal data, and referrals already made on the job still name it.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class JobsListener {

    private static final Logger log = LoggerFactory.getLogger(JobsListener.class);

    private final ContactDirectory directory;

    JobsListener(ContactDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(id = "notification-worker.jobs",
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).JOBS)}")
    void on(ConsumerRecord<String, Job> record) {
        if (record.value() == null) {
            log.info("Ignored a tombstone for job {}: its title stays for referrals already made", record.key());
        } else if (!directory.save(record.value())) {
            log.debug("Kept the stored job {}: it is as new or newer than {}",
                    record.key(), record.value().getUpdatedAt());
        }
    }
}
