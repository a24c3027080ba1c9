package dev.referrals.api.readmodel;

import dev.referrals.events.ReferralRejected;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * referrals.referral-rejected → the request REJECTED with the rule that failed.
 *
 * <p>Redelivery: the upsert by requestId rewrites the same values; a request already decided keeps its decision.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class ReferralRejectedListener {

    private final ReferralRequestRows requests;

    ReferralRejectedListener(ReferralRequestRows requests) {
        this.requests = requests;
    }

    @KafkaListener(id = ListenerGroups.REFERRAL_REJECTED,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).REFERRAL_REJECTED)}")
    void on(ReferralRejected rejected) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("requestId", rejected.getRequestId())) {
            requests.recordRejected(rejected);
        }
    }
}
