package dev.referrals.worker.directory;

import dev.referrals.marketplace.Account;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the contact directory from {@code marketplace.accounts}. A tombstone (null value) erases the account.
 *
 * <p>Redelivery changes nothing: an Account is stored only when its {@code updatedAt} is newer than the stored one,
 * and erasing an erased account leaves it erased. The consumer group is the topic prefix plus the listener id, so
 * each namespace (each test context, each environment sharing a cluster) reads the topic on its own.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class AccountsListener {

    private static final Logger log = LoggerFactory.getLogger(AccountsListener.class);

    private final ContactDirectory directory;
    private final Clock clock;

    AccountsListener(ContactDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @KafkaListener(id = "notification-worker.accounts",
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).ACCOUNTS)}")
    void on(ConsumerRecord<String, Account> record) {
        if (record.value() == null) {
            erase(record);
        } else if (!directory.save(record.value())) {
            log.debug("Kept the stored contact {}: it is as new or newer than {}, or erased",
                    record.key(), record.value().getUpdatedAt());
        }
    }

    private void erase(ConsumerRecord<String, Account> tombstone) {
        if (tombstone.key() == null) {
            log.warn("Ignored a tombstone without a key at {}-{}@{}",
                    tombstone.topic(), tombstone.partition(), tombstone.offset());
            return;
        }
        // A tombstone carries no updatedAt; its record time is when upstream erased the account.
        Instant erasedAt = tombstone.timestamp() >= 0 ? Instant.ofEpochMilli(tombstone.timestamp()) : clock.instant();
        directory.erase(tombstone.key(), erasedAt);
        log.info("Erased contact {}", tombstone.key());
    }
}
