package dev.referrals.processor.status;

import dev.referrals.events.ReferralStatus;
import dev.referrals.events.ReferralStatusChanged;
import dev.referrals.marketplace.JobActivity;
import dev.referrals.processor.events.EventPublisher;
import dev.referrals.processor.events.OutgoingEvent;
import dev.referrals.schemas.Topics;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Turns the referee's answer to a referral invitation (INVITATION_ACCEPTED or INVITATION_DECLINED with a
 * referralId) into ReferralStatusChanged (R11), and moves the referral to that status.
 *
 * <p>Redelivery: the change is stored under the activity's eventId, and under (referralId, status) as consumers
 * dedupe; an answer seen before republishes the stored event with identical content and changes nothing else. An
 * answer for a referral this processor does not know is logged and skipped.
 */
@Component
public class ReferralAnswers {

    private static final Logger log = LoggerFactory.getLogger(ReferralAnswers.class);

    private final StatusChangeStore store;
    private final EventPublisher publisher;
    private final TransactionOperations transactions;

    ReferralAnswers(StatusChangeStore store, EventPublisher publisher, TransactionOperations transactions) {
        this.store = store;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** True for the activity kinds this class handles: an answer that names a referral. */
    public static boolean isAnswerToReferral(JobActivity activity) {
        return activity.getReferralId() != null && status(activity).isPresent();
    }

    /** Records the answer once and publishes its ReferralStatusChanged, waiting for the broker's acknowledgement. */
    public void apply(JobActivity activity) {
        if (!isAnswerToReferral(activity)) {
            return;
        }
        try (MDC.MDCCloseable referralId = MDC.putCloseable("referralId", activity.getReferralId())) {
            Optional<ReferralStatusChanged> change = transactions.execute(status -> record(activity));
            change.ifPresent(event -> publisher.publishAll(List.of(
                    new OutgoingEvent(Topics.REFERRAL_STATUS_CHANGED, event.getJobId(), event, null))));
        }
    }

    private Optional<ReferralStatusChanged> record(JobActivity activity) {
        Optional<ReferralStatusChanged> seen = store.byEventId(activity.getEventId());
        if (seen.isPresent()) {
            return seen;
        }
        Optional<StatusChangeStore.Referral> referral = store.referral(activity.getReferralId());
        if (referral.isEmpty()) {
            log.warn("Job activity {} answers referral {}, which this processor never created; skipped",
                    activity.getEventId(), activity.getReferralId());
            return Optional.empty();
        }
        ReferralStatus status = status(activity).orElseThrow();
        Optional<ReferralStatusChanged> sameAnswer = store.byReferralAndStatus(activity.getReferralId(), status);
        if (sameAnswer.isPresent()) {
            return sameAnswer;
        }
        ReferralStatusChanged change = ReferralStatusChanged.newBuilder()
                .setReferralId(referral.get().referralId())
                .setJobId(referral.get().jobId())
                .setRefereeId(referral.get().refereeId())
                .setStatus(status)
                .setChangedAt(activity.getOccurredAt())
                .build();
        store.record(activity.getEventId(), change);
        log.info("Referral {} {} by {}", change.getReferralId(), status, change.getRefereeId());
        return Optional.of(change);
    }

    private static Optional<ReferralStatus> status(JobActivity activity) {
        return switch (activity.getKind()) {
            case INVITATION_ACCEPTED -> Optional.of(ReferralStatus.ACCEPTED);
            case INVITATION_DECLINED -> Optional.of(ReferralStatus.DECLINED);
            default -> Optional.empty();
        };
    }
}
