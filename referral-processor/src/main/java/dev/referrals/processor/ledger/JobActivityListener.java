package dev.referrals.processor.ledger;

import dev.referrals.marketplace.JobActivity;
import dev.referrals.processor.status.ReferralAnswers;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records {@code marketplace.job-activity} in the ledger (R1, R5, R7), and hands the referee's answers to referral
 * invitations to {@link ReferralAnswers}.
 *
 * <p>Redelivery: the activity is recorded once per eventId; an answer seen before republishes the identical
 * ReferralStatusChanged. An unreadable record goes to {@code marketplace.job-activity-dlt}.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class JobActivityListener {

    /** Its id, and so its consumer group under the topic prefix. */
    static final String ID = "referral-processor.job-activity";

    private final JobActivityLedger activities;
    private final ReferralAnswers answers;

    JobActivityListener(JobActivityLedger activities, ReferralAnswers answers) {
        this.activities = activities;
        this.answers = answers;
    }

    @KafkaListener(id = ID,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).JOB_ACTIVITY)}")
    void on(JobActivity activity) {
        activities.record(activity);
        if (ReferralAnswers.isAnswerToReferral(activity)) {
            answers.apply(activity);
        }
    }
}
