package dev.referrals.worker.email;

import dev.referrals.events.ReferralCreated;
import dev.referrals.schemas.EventHeaders;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Emails the referee and the client of every {@code referrals.referral-created} record.
 *
 * <p>Redelivery sends nothing new: each email is looked up in the {@code sent_emails} ledger by referral id and
 * role first, and an email already there is not sent again. A failure is retried by the platform's error handler: an
 * SMTP failure with the back-off of {@code referrals.kafka.retry.*}, then to {@code referrals.referral-created-dlt}
 * with the reason; a late fact every {@code referrals.worker.late-facts.retry-interval} until its grace period ends.
 * A record that cannot be read goes to the dead-letter topic at once. Every log line of a referral carries its id
 * (MDC key {@value #MDC_REFERRAL_ID}).
 *
 * <p>{@code referrals.worker.emails.concurrency} consumers share the topic's partitions: an email spends most of its
 * time waiting on the SMTP server and the database, so one consumer leaves the machine idle. Each referral stays on
 * its partition's consumer, so redelivery and retries behave as with one.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class ReferralCreatedListener {

    static final String MDC_REFERRAL_ID = "referralId";

    private final ReferralEmails emails;

    ReferralCreatedListener(ReferralEmails emails) {
        this.emails = emails;
    }

    @KafkaListener(id = "notification-worker.referral-created",
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).REFERRAL_CREATED)}",
            concurrency = "${referrals.worker.emails.concurrency}")
    void on(ReferralCreated referral,
            @Header(name = EventHeaders.REQUESTED_AT, required = false) byte[] requestedAt) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_REFERRAL_ID, referral.getReferralId())) {
            emails.handle(referral, EventHeaders.decodeInstant(requestedAt));
        }
    }
}
