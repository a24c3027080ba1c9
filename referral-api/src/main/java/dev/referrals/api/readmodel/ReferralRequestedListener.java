package dev.referrals.api.readmodel;

import dev.referrals.events.ReferralRequested;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * referrals.referral-requested → a PENDING row in {@code referral_requests}.
 *
 * <p>Redelivery: the upsert by requestId rewrites the same values; a request already decided (its decision arrived
 * first, or the API wrote the row at decline time) keeps its status and only gets its missing details filled in.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class ReferralRequestedListener {

    private final ReferralRequestRows requests;

    ReferralRequestedListener(ReferralRequestRows requests) {
        this.requests = requests;
    }

    @KafkaListener(id = ListenerGroups.REFERRAL_REQUESTED,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).REFERRAL_REQUESTED)}")
    void on(ReferralRequested requested) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable("requestId", requested.getRequestId())) {
            requests.recordRequested(requested);
        }
    }
}
