package dev.referrals.processor.ledger;

import dev.referrals.marketplace.Account;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the account ledger from {@code marketplace.accounts}; a tombstone erases the account's contact data.
 *
 * <p>Redelivery: the upsert only moves forward by {@code updatedAt}, and erasing twice is erasing once, so a
 * redelivered record leaves the ledger as it was. An unreadable record goes to {@code marketplace.accounts-dlt}.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class AccountsListener {

    /** Its id, and so its consumer group under the topic prefix. */
    static final String ID = "referral-processor.accounts";

    private static final Logger log = LoggerFactory.getLogger(AccountsListener.class);

    private final AccountLedger accounts;

    AccountsListener(AccountLedger accounts) {
        this.accounts = accounts;
    }

    @KafkaListener(id = ID,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).ACCOUNTS)}")
    void on(ConsumerRecord<String, Account> record) {
        if (record.value() != null) {
            accounts.record(record.value());
        } else if (record.key() != null) {
            accounts.erase(record.key());
            log.info("Account {} erased", record.key());
        } else {
            log.warn("Tombstone without a key at {}-{}@{}; nothing to erase",
                    record.topic(), record.partition(), record.offset());
        }
    }
}
