package dev.referrals.api.decline;

import dev.referrals.api.readmodel.ReferralRequestRows;
import dev.referrals.events.InviteDeclined;
import dev.referrals.events.ReferralRequested;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a valid decline: records its referral request as PENDING, so a status read right after the 202 finds it,
 * then publishes the events and returns once Kafka committed them. All in one database transaction (joined with
 * the Idempotency-Key's, when there is one), committed after Kafka: if publishing fails, the row rolls back too.
 */
@Component
public class DeclineIntake {

    static final String DECLINES = "referrals.declines";
    static final String REQUESTED = "referrals.requested";
    static final String WITH_REFERRAL = "with_referral";
    static final String EVENT_ID = "eventId";
    static final String REQUEST_ID = "requestId";

    private static final Logger log = LoggerFactory.getLogger(DeclineIntake.class);

    private final ReferralRequestRows requests;
    private final DeclinePublisher publisher;
    private final Clock clock;
    private final Counter declinesWithReferral;
    private final Counter declinesWithoutReferral;
    private final Counter referralsRequested;

    public DeclineIntake(ReferralRequestRows requests, DeclinePublisher publisher, Clock clock, MeterRegistry meters) {
        this.requests = requests;
        this.publisher = publisher;
        this.clock = clock;
        this.declinesWithReferral = Counter.builder(DECLINES).description("Declines published")
                .tag(WITH_REFERRAL, "true").register(meters);
        this.declinesWithoutReferral = Counter.builder(DECLINES).description("Declines published")
                .tag(WITH_REFERRAL, "false").register(meters);
        this.referralsRequested = Counter.builder(REQUESTED).description("Referral requests published")
                .register(meters);
    }

    @Transactional
    public DeclineAccepted accept(Decline decline, DeclineIds ids) {
        MDC.put(EVENT_ID, ids.eventId());
        if (ids.requestId() != null) {
            MDC.put(REQUEST_ID, ids.requestId());
        }
        try {
            Instant now = clock.instant();
            InviteDeclined declined = DeclineEvents.inviteDeclined(decline, ids, now);
            ReferralRequested requested = DeclineEvents.referralRequested(decline, ids, now);
            if (requested != null) {
                requests.recordRequested(requested);
            }
            publisher.publish(declined, requested);
            if (requested != null) {
                declinesWithReferral.increment();
                referralsRequested.increment();
            } else {
                declinesWithoutReferral.increment();
            }
            log.info("published decline {} of invitation {} on job {}", ids.eventId(), decline.invitationId(),
                    decline.jobId());
            return DeclineAccepted.of(decline, ids);
        } finally {
            MDC.remove(EVENT_ID);
            MDC.remove(REQUEST_ID);
        }
    }
}
