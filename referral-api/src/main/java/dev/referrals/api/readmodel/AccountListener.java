package dev.referrals.api.readmodel;

import dev.referrals.marketplace.Account;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * marketplace.accounts → the freelancer directory searched by referrers (R14). A tombstone (null value) erases the
 * account for good: it leaves an erased marker, so no replayed older record brings the person back into search.
 *
 * <p>Redelivery: the upsert by accountId ignores an update older than the row and any record of an erased account,
 * and erasing twice is erasing once, so a redelivered account or tombstone changes nothing.
 *
 * <p>Lag: the container commits past the transaction markers its topics end with (the platform sets
 * {@code fixTxOffsets}), and the lag monitor counts no marker, so once this listener has consumed everything its
 * group shows 0 records, 0 seconds and OK in {@code /actuator/consumerlag}.
 */
@Component
class AccountListener {

    private final FreelancerDirectoryRows directory;

    AccountListener(FreelancerDirectoryRows directory) {
        this.directory = directory;
    }

    @KafkaListener(id = ListenerGroups.ACCOUNTS,
            topics = "#{@topicNamespace.name(T(dev.referrals.schemas.Topics).ACCOUNTS)}")
    void on(ConsumerRecord<String, Account> record) {
        if (record.value() == null) {
            directory.erase(record.key());
        } else {
            directory.record(record.value());
        }
    }
}
