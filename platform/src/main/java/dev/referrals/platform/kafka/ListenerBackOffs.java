package dev.referrals.platform.kafka;

import dev.referrals.platform.failure.ListenerFailure;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The back-off of a failed record, by what {@link ListenerFailure#classify} says the failure is:
 * <ul>
 *   <li>a dependency down: exponential up to {@code referrals.kafka.outage.max-interval}, without limit, so the
 *       record waits for the dependency and never goes to the DLT for it;</li>
 *   <li>unreadable: no retry, to the DLT at once;</li>
 *   <li>anything else: the first service {@link ListenerBackOff} that claims it, else {@code null}, which is the
 *       handler's bounded {@code referrals.kafka.retry.*} back-off and then the DLT.</li>
 * </ul>
 * Spring Kafka asks again whenever the root cause of a record's failure changes, so a record that failed for one
 * reason and then for another gets the back-off of the new one.
 */
final class ListenerBackOffs implements BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> {

    private final ReferralsKafkaProperties.Outage outage;
    private final List<ListenerBackOff> services;

    ListenerBackOffs(ReferralsKafkaProperties.Outage outage, List<ListenerBackOff> services) {
        this.outage = outage;
        this.services = List.copyOf(services);
    }

    @Override
    public BackOff apply(ConsumerRecord<?, ?> record, Exception failure) {
        return switch (ListenerFailure.classify(failure).kind()) {
            case DEPENDENCY_DOWN -> untilTheDependencyIsBack();
            case UNREADABLE -> ListenerBackOff.NO_RETRY;
            case OTHER -> services.stream()
                    .map(service -> service.backOffFor(failure))
                    .filter(backOff -> backOff != null)
                    .findFirst()
                    .orElse(null);
        };
    }

    private BackOff untilTheDependencyIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(outage.initialInterval().toMillis(), outage.multiplier());
        backOff.setMaxInterval(outage.maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
