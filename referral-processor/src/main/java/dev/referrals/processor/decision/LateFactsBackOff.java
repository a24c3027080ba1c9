package dev.referrals.processor.decision;

import dev.referrals.platform.failure.Causes;
import dev.referrals.platform.kafka.ListenerBackOff;
import dev.referrals.processor.ProcessorProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The processor's one {@link ListenerBackOff}: a request waiting for late facts is retried at a fixed interval, long
 * enough to outlast its grace period, instead of with the platform's bounded back-off that ends in the dead-letter
 * topic; a request behind a ledger backlog ({@link LedgerBehindException}) at the same interval until the ledger has
 * caught up, without limit, since a backlog is no fault of the request. Every other failure is left to the platform.
 */
@Component
class LateFactsBackOff implements ListenerBackOff {

    private final BackOff whileFactsAreLate;
    private final BackOff whileTheLedgerIsBehind;

    LateFactsBackOff(ProcessorProperties properties) {
        ProcessorProperties.LateFacts lateFacts = properties.lateFacts();
        this.whileFactsAreLate = new FixedBackOff(
                lateFacts.retryInterval().toMillis(), lateFacts.retriesToOutlastGracePeriod());
        this.whileTheLedgerIsBehind = new FixedBackOff(
                lateFacts.retryInterval().toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS);
    }

    @Override
    public BackOff backOffFor(Throwable failure) {
        if (isLedgerBehind(failure)) {
            return whileTheLedgerIsBehind;
        }
        return isLateFacts(failure) ? whileFactsAreLate : null;
    }

    static boolean isLedgerBehind(Throwable failure) {
        return Causes.first(failure, LedgerBehindException.class).isPresent();
    }

    static boolean isLateFacts(Throwable failure) {
        return Causes.first(failure, LateFactsPendingException.class).isPresent();
    }
}
