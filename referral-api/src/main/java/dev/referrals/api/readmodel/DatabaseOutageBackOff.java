package dev.referrals.api.readmodel;

import dev.referrals.api.outage.DatabaseOutage;
import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The back-off of the shared error handler, for records that fail because the database cannot be reached: retried
 * at a fixed interval until it is back, instead of going to the dead-letter topic after the platform's bounded
 * retries. An outage is no fault of the record, and a dead-lettered view event would leave the view wrong for good.
 * Every other failure keeps the platform's back-off ({@code null} here).
 */
class DatabaseOutageBackOff implements BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> {

    private final Duration interval;

    DatabaseOutageBackOff(Duration interval) {
        this.interval = interval;
    }

    @Override
    public BackOff apply(ConsumerRecord<?, ?> record, Exception failure) {
        return DatabaseOutage.isTransient(failure)
                ? new FixedBackOff(interval.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)
                : null;
    }
}
